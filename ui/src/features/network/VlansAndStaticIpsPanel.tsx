import { Stack, Table, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconPencil } from "@tabler/icons-react";
import type { Vlan } from "../../api/bindings";
import { useCreateStaticIp, useCreateVlan, useDestroyStaticIp, useRenameVlan, useStaticIps, useVlans } from "../../api/vlansAndStaticIps";
import { NameModal, useItemEditor } from "../../components/ItemEditor";
import { DeleteAction, ListHeader, QueryTable, RowAction, RowActions } from "../../components/ItemTable";

/** VLANs and static IPs: the account's network resources that servers' interfaces use. */
export function VlansAndStaticIpsPanel({ accountId }: { accountId: string }) {
  const vlans = useVlans(accountId);
  const ips = useStaticIps(accountId);
  const create = useCreateVlan();
  const rename = useRenameVlan();
  const createIp = useCreateStaticIp();
  const destroyIp = useDestroyStaticIp();
  const editor = useItemEditor(
    (vlan: Vlan | null) => ({ name: vlan?.name ?? "" }),
    (vlan, { name }) => (vlan ? rename.mutateAsync({ accountId, vlanId: vlan.id, name }) : create.mutateAsync({ accountId, name })),
  );

  return (
    <Stack gap="md">
      <ListHeader title="VLANs" addLabel="New VLAN" addTestId="vlan-add" onAdd={() => editor.open(null)} />
      <QueryTable query={vlans} testId="vlans" columns={["Name", "ID"]} empty="No VLANs yet."
        row={(v) => (
          <Table.Tr key={v.id} data-testid={`vlan-row-${v.id}`}>
            <Table.Td>{v.name || "—"}</Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {v.id}
            </Table.Td>
            <RowActions>
              <RowAction label={`Rename VLAN ${v.name}`} icon={<IconPencil size={16} />} onClick={() => editor.open(v)} testId={`vlan-rename-${v.id}`} />
            </RowActions>
          </Table.Tr>
        )}
      />

      <ListHeader
        title="Static IP addresses"
        mt="sm"
        addLabel="Reserve address"
        addTestId="ip-add"
        loading={createIp.isPending}
        onAdd={() =>
          modals.openConfirmModal({
            title: "Reserve a static IP address?",
            children: <Text size="sm">A new address is reserved for the account and billed until you release it.</Text>,
            labels: { confirm: "Reserve address", cancel: "Cancel" },
            confirmProps: { "data-testid": "ip-add-confirm" } as never,
            onConfirm: () => createIp.mutate({ accountId }),
          })
        }
      />
      <QueryTable query={ips} testId="ips" columns={["Address", "Name", "Netmask", "Gateway", "Name servers"]} empty="No static addresses."
        row={(ip) => (
          <Table.Tr key={ip.ip} data-testid={`ip-row-${ip.ip}`}>
            <Table.Td ff="monospace">{ip.ip}</Table.Td>
            <Table.Td>{ip.name ?? "—"}</Table.Td>
            <Table.Td>{ip.netmask ?? "—"}</Table.Td>
            <Table.Td>{ip.gateway ?? "—"}</Table.Td>
            <Table.Td>{ip.nameservers.join(", ") || "—"}</Table.Td>
            <RowActions>
              <DeleteAction
                label={`Release ${ip.ip}`}
                testId={`ip-destroy-${ip.ip}`}
                title={`Release ${ip.ip}?`}
                what="The address goes back to the provider; servers using it lose it."
                confirm="Release"
                confirmTestId="ip-destroy-confirm"
                onConfirm={() => destroyIp.mutate({ accountId, ip: ip.ip })}
              />
            </RowActions>
          </Table.Tr>
        )}
      />
      <NameModal
        editor={editor}
        testId="vlan"
        title={(vlan) => (vlan ? "Rename VLAN" : "New VLAN")}
        submitLabel={(vlan) => (vlan ? "Rename" : "Create VLAN")}
        busy={create.isPending || rename.isPending}
      />
    </Stack>
  );
}
