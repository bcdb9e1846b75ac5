import { Stack, Table, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconPencil } from "@tabler/icons-react";
import type { Vlan } from "../../api/bindings";
import { useCreateStaticIp, useCreateVlan, useDestroyStaticIp, useRenameVlan, useStaticIps, useVlans } from "../../api/vlansAndStaticIps";
import { NameModal, useItemEditor } from "../../components/ItemEditor";
import { DeleteAction, ItemTable, ListHeader, RowAction, RowActions } from "../../components/ItemTable";
import { QueryState } from "../../components/QueryState";

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
      <QueryState query={vlans} empty="No VLANs yet." emptyTestId="vlans-empty">
        {(data) => (
          <ItemTable testId="vlans-table" columns={["Name", "ID"]}>
            {data.map((v) => (
              <Table.Tr key={v.id} data-testid={`vlan-row-${v.id}`}>
                <Table.Td>{v.name || "—"}</Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {v.id}
                </Table.Td>
                <Table.Td>
                  <RowActions>
                    <RowAction label={`Rename VLAN ${v.name}`} icon={<IconPencil size={16} />} onClick={() => editor.open(v)} testId={`vlan-rename-${v.id}`} />
                  </RowActions>
                </Table.Td>
              </Table.Tr>
            ))}
          </ItemTable>
        )}
      </QueryState>

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
      <QueryState query={ips} empty="No static addresses." emptyTestId="ips-empty">
        {(data) => (
          <ItemTable testId="ips-table" columns={["Address", "Name", "Netmask", "Gateway", "Name servers"]}>
            {data.map((ip) => (
              <Table.Tr key={ip.ip} data-testid={`ip-row-${ip.ip}`}>
                <Table.Td ff="monospace">{ip.ip}</Table.Td>
                <Table.Td>{ip.name ?? "—"}</Table.Td>
                <Table.Td>{ip.netmask ?? "—"}</Table.Td>
                <Table.Td>{ip.gateway ?? "—"}</Table.Td>
                <Table.Td>{ip.nameservers.join(", ") || "—"}</Table.Td>
                <Table.Td>
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
                </Table.Td>
              </Table.Tr>
            ))}
          </ItemTable>
        )}
      </QueryState>
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
