import { ActionIcon, Alert, Button, Group, Loader, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { Vlan } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { useCreateStaticIp, useCreateVlan, useDestroyStaticIp, useRenameVlan, useStaticIps, useVlans } from "../../api/resources";

function VlanForm({ accountId, vlan, onClose }: { accountId: string; vlan: Vlan | null; onClose: () => void }) {
  const create = useCreateVlan();
  const rename = useRenameVlan();
  const [name, setName] = useState(vlan?.name ?? "");
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (vlan) await rename.mutateAsync({ accountId, vlanId: vlan.id, name });
      else await create.mutateAsync({ accountId, name });
      onClose();
    } catch (err) {
      setError(err as AppError);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="vlan-form">
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={error?.fields.find((f) => f.field === "name")?.message ?? (error && !error.fields.length ? error.message : undefined)} data-testid="vlan-name" />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending} data-testid="vlan-submit">
            {vlan ? "Rename" : "Create VLAN"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** VLANs and static IPs: the account's network resources that servers' interfaces use. */
export function NetworkResourcesPanel({ accountId }: { accountId: string }) {
  const vlans = useVlans(accountId);
  const ips = useStaticIps(accountId);
  const createIp = useCreateStaticIp();
  const destroyIp = useDestroyStaticIp();
  const [editing, setEditing] = useState<{ vlan: Vlan | null } | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          VLANs
        </Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ vlan: null })} data-testid="vlan-add">
          New VLAN
        </Button>
      </Group>
      {vlans.isPending ? (
        <Loader size="sm" />
      ) : vlans.isError ? (
        <Alert color="red" variant="light">
          {vlans.error.message}
        </Alert>
      ) : vlans.data.length === 0 ? (
        <Text c="dimmed" data-testid="vlans-empty">
          No VLANs yet.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} data-testid="vlans-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>ID</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vlans.data.map((v) => (
              <Table.Tr key={v.id} data-testid={`vlan-row-${v.id}`}>
                <Table.Td>{v.name || "—"}</Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {v.id}
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <ActionIcon variant="subtle" aria-label={`Rename VLAN ${v.name}`} onClick={() => setEditing({ vlan: v })} data-testid={`vlan-rename-${v.id}`}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Group justify="space-between" mt="sm">
        <Text fw={600} size="sm">
          Static IP addresses
        </Text>
        <Button
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            modals.openConfirmModal({
              title: "Reserve a static IP address?",
              children: <Text size="sm">A new address is reserved for the account and billed until you release it.</Text>,
              labels: { confirm: "Reserve address", cancel: "Cancel" },
              confirmProps: { "data-testid": "ip-add-confirm" } as never,
              onConfirm: () => createIp.mutate({ accountId }),
            })
          }
          loading={createIp.isPending}
          data-testid="ip-add"
        >
          Reserve address
        </Button>
      </Group>
      {ips.isPending ? (
        <Loader size="sm" />
      ) : ips.isError ? (
        <Alert color="red" variant="light">
          {ips.error.message}
        </Alert>
      ) : ips.data.length === 0 ? (
        <Text c="dimmed" data-testid="ips-empty">
          No static addresses.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} data-testid="ips-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Address</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Netmask</Table.Th>
              <Table.Th>Gateway</Table.Th>
              <Table.Th>Name servers</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ips.data.map((ip) => (
              <Table.Tr key={ip.ip} data-testid={`ip-row-${ip.ip}`}>
                <Table.Td ff="monospace">{ip.ip}</Table.Td>
                <Table.Td>{ip.name ?? "—"}</Table.Td>
                <Table.Td>{ip.netmask ?? "—"}</Table.Td>
                <Table.Td>{ip.gateway ?? "—"}</Table.Td>
                <Table.Td>{ip.nameservers.join(", ") || "—"}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Release ${ip.ip}`}
                      onClick={() =>
                        modals.openConfirmModal({
                          title: `Release ${ip.ip}?`,
                          children: <Text size="sm">The address goes back to the provider; servers using it lose it.</Text>,
                          labels: { confirm: "Release", cancel: "Cancel" },
                          confirmProps: { color: "red", "data-testid": "ip-destroy-confirm" } as never,
                          onConfirm: () => destroyIp.mutate({ accountId, ip: ip.ip }),
                        })
                      }
                      data-testid={`ip-destroy-${ip.ip}`}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.vlan ? "Rename VLAN" : "New VLAN"}>
        {editing && <VlanForm accountId={accountId} vlan={editing.vlan} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
