import { Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { RowAction } from "../../components/ItemTable";
import { FormActions } from "../../components/FormActions";
import { confirmDanger } from "../../components/confirm";
import { useForm } from "@mantine/form";
import { IconCopy } from "@tabler/icons-react";
import { useState } from "react";
import type { BulkAction, Server } from "../../api/bindings";
import { useBulkPower, useCloneServer } from "../../api/serverFleet";
import { useAccount } from "../../api/queries";
import { hasCapability } from "../../lib/capabilities";
import { applyFieldErrors } from "../../lib/formErrors";
import { useAccountServerChoices } from "./serverChoices";
import { LoadingOrError } from "../../components/QueryState";

function CopyForm({ accountId, server, onClose }: { accountId: string; server: Server; onClose: () => void }) {
  const copy = useCloneServer();
  const form = useForm({ mode: "controlled", initialValues: { name: `${server.name} copy` } });
  const submit = form.onSubmit(async ({ name }) => {
    try {
      await copy.mutateAsync({ accountId, serverId: server.id, name });
      onClose();
    } catch (err) {
      // The only field is the name: a refusal that names no field is shown there too.
      const failure = applyFieldErrors(form, err);
      if (!failure.placed) form.setFieldError("name", failure.message);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="server-copy-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A new server with copies of {server.name}'s drives; it is billed like any other.
        </Text>
        <TextInput label="Name" withAsterisk {...form.getInputProps("name")} data-testid="server-copy-name" />
        <FormActions onCancel={onClose} busy={copy.isPending} submitTestId="server-copy-submit">
          Copy server
        </FormActions>
      </Stack>
    </form>
  );
}

/** Several servers at once (one request), and a copy of one. */
export function ServerFleetPanel({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  const servers = useAccountServerChoices(accountId);
  const bulk = useBulkPower();
  const [selected, setSelected] = useState<string[]>([]);
  const [copying, setCopying] = useState<Server | null>(null);
  const canBulk = hasCapability(account, "servers.bulk");
  const canCopy = hasCapability(account, "servers.clone");
  const run = (action: BulkAction) => bulk.mutate({ accountId, serverIds: selected, action }, { onSuccess: () => action === "destroy" && setSelected([]) });
  const toggle = (id: string, on: boolean) => setSelected(on ? [...selected, id] : selected.filter((x) => x !== id));

  if (servers.isPending || servers.isError) return <LoadingOrError query={servers} />;
  return (
    <Stack gap="sm">
      {canBulk && (
        <Group gap="xs" data-testid="fleet-actions">
          <Text size="sm" c="dimmed">
            {selected.length} selected
          </Text>
          <Button size="xs" variant="light" disabled={!selected.length} loading={bulk.isPending} onClick={() => run("start")} data-testid="fleet-start">
            Start
          </Button>
          <Button size="xs" variant="light" disabled={!selected.length} loading={bulk.isPending} onClick={() => run("stop")} data-testid="fleet-stop">
            Power off
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            disabled={!selected.length}
            onClick={() =>
              confirmDanger(
                `Destroy ${selected.length} server${selected.length === 1 ? "" : "s"}?`,
                "They are deleted at the provider. Their drives stay in the account.",
                "Destroy",
                "fleet-destroy-confirm",
                () => run("destroy"),
              )
            }
            data-testid="fleet-destroy"
          >
            Destroy
          </Button>
        </Group>
      )}
      <Table fz="sm" verticalSpacing={4} data-testid="fleet-table">
        <Table.Thead>
          <Table.Tr>
            {canBulk && (
              <Table.Th w={32}>
                <Checkbox
                  aria-label="Select all servers"
                  checked={selected.length > 0 && selected.length === servers.data.length}
                  indeterminate={selected.length > 0 && selected.length < servers.data.length}
                  onChange={(e) => setSelected(e.currentTarget.checked ? servers.data.map((s) => s.id) : [])}
                />
              </Table.Th>
            )}
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Plan</Table.Th>
            {canCopy && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {servers.data.map((s) => (
            <Table.Tr key={s.id} data-testid={`fleet-row-${s.id}`}>
              {canBulk && (
                <Table.Td>
                  <Checkbox aria-label={`Select ${s.name}`} checked={selected.includes(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} data-testid={`fleet-select-${s.id}`} />
                </Table.Td>
              )}
              <Table.Td title={s.id}>{s.name}</Table.Td>
              <Table.Td>{s.provider_status || s.status}</Table.Td>
              <Table.Td>{s.plan || "—"}</Table.Td>
              {canCopy && (
                <Table.Td>
                  <Group justify="flex-end">
                    <RowAction tooltip="Copy this server" label={`Copy ${s.name}`} onClick={() => setCopying(s)} testId={`fleet-copy-${s.id}`} icon={<IconCopy size={16} />} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={copying !== null} onClose={() => setCopying(null)} title="Copy server">
        {copying && <CopyForm accountId={accountId} server={copying} onClose={() => setCopying(null)} />}
      </Modal>
    </Stack>
  );
}
