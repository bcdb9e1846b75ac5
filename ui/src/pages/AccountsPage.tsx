import { Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { AccountsLoadError } from "../features/accounts/AccountsLoadError";
import { RowAction } from "../components/ItemTable";
import { modals } from "@mantine/modals";
import { IconKey, IconPencil, IconPlugConnected, IconPlus, IconTrash, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import type { AccountView } from "../api/bindings";
import { useAccounts, useAppStatus, useProviders, useRemoveAccount, useRenameAccount, useTestAccount } from "../api/queries";
import { RenameModal } from "../components/RenameModal";
import { providerLabel } from "../lib/labels";

function KeychainLine() {
  const status = useAppStatus();
  if (status.isPending) return null;
  if (status.isError) {
    return (
      <Text size="sm" c="red" data-testid="keychain-status">
        Keychain status unknown: {status.error.message}
      </Text>
    );
  }
  const k = status.data.keychain;
  return (
    <Group gap={6} wrap="nowrap" data-testid="keychain-status" data-ok={k.ok}>
      <IconKey size={16} color={k.ok ? "var(--mantine-color-teal-6)" : "var(--mantine-color-red-6)"} aria-hidden />
      <Text size="sm" c={k.ok ? "dimmed" : "red"}>
        {k.ok
          ? `System keychain: available${k.message ? ` (${k.message})` : ""}. Secrets are stored there, not in vpsdesk's files.`
          : `System keychain: ${k.message ?? "not available"}`}
      </Text>
    </Group>
  );
}

function TestButton({ account }: { account: AccountView }) {
  const test = useTestAccount();
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconPlugConnected size={14} />}
      loading={test.isPending}
      onClick={() => test.mutate(account)}
      data-testid={`account-test-${account.id}`}
    >
      Test
    </Button>
  );
}

export function AccountsPage({ onAdd }: { onAdd: () => void }) {
  const accounts = useAccounts();
  const providers = useProviders();
  const rename = useRenameAccount();
  const remove = useRemoveAccount();
  const [renaming, setRenaming] = useState<AccountView | null>(null);

  const confirmRemove = (a: AccountView) =>
    modals.openConfirmModal({
      title: `Remove ${a.name}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            vpsdesk forgets this account and deletes its {providerLabel(a.provider, providers.data)} credentials from
            the system keychain too.
          </Text>
          <Text size="sm" c="dimmed">
            Its servers keep running at the provider; they just no longer show here.
          </Text>
        </Stack>
      ),
      labels: { confirm: "Remove account", cancel: "Cancel" },
      confirmProps: { color: "red", "data-testid": "remove-account-confirm" },
      onConfirm: () => remove.mutate(a),
    });

  let body;
  if (accounts.isPending) {
    body = (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (accounts.isError) {
    body = (
      <AccountsLoadError accounts={accounts} />
    );
  } else if (accounts.data.length === 0) {
    body = (
      <Paper withBorder p="xl" radius="sm" data-testid="accounts-empty">
        <Stack align="center" gap="xs">
          <IconUsers size={32} stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Text fw={600}>No accounts yet</Text>
          <Text size="sm" c="dimmed" ta="center" maw={420}>
            Add the API credentials of a VPS provider account. vpsdesk lists its servers next to those of your other
            accounts.
          </Text>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            Add account
          </Button>
        </Stack>
      </Paper>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing={6} fz="sm" withTableBorder data-testid="accounts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Provider</Table.Th>
              <Table.Th>Endpoint</Table.Th>
              <Table.Th>Username</Table.Th>
              <Table.Th>Region</Table.Th>
              <Table.Th w={200}>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data.map((a) => (
              <Table.Tr key={a.id} data-testid={`account-row-${a.id}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {a.name}
                    </Text>
                    {a.demo && (
                      <Badge size="xs" variant="light" color="violet" data-testid={`account-demo-${a.id}`}>
                        demo
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{providerLabel(a.provider, providers.data)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" truncate="end" maw={280} title={a.endpoint}>
                    {a.endpoint}
                  </Text>
                </Table.Td>
                <Table.Td>{a.username ?? <Text span c="dimmed">—</Text>}</Table.Td>
                <Table.Td>{a.region ?? <Text span c="dimmed">—</Text>}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <TestButton account={a} />
                    <RowAction tooltip="Rename" color="gray" label={`Rename ${a.name}`} onClick={() => setRenaming(a)} testId={`account-rename-${a.id}`} icon={<IconPencil size={16} />} />
                    <RowAction tooltip="Remove" color="red" label={`Remove ${a.name}`} onClick={() => confirmRemove(a)} testId={`account-remove-${a.id}`} icon={<IconTrash size={16} />} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={3}>Accounts</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={onAdd} data-testid="add-account-button">
          Add account
        </Button>
      </Group>
      <KeychainLine />
      {body}
      <RenameModal
        opened={renaming !== null}
        title="Rename account"
        description={renaming ? `${renaming.name} (${providerLabel(renaming.provider, providers.data)})` : undefined}
        currentName={renaming?.name ?? ""}
        onClose={() => setRenaming(null)}
        onSubmit={(name) => rename.mutateAsync({ account: renaming!, name })}
      />
    </Stack>
  );
}
