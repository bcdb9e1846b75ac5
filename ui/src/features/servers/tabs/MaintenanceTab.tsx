import { Badge, Button, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { IconCopy, IconHammer, IconLifebuoy, IconNetwork } from "@tabler/icons-react";
import { useState } from "react";
import { DeleteAction, LabelAndIdCell, QueryTable, RowActions } from "../../../components/ItemTable";
import type { AccountView, Server } from "../../../api/bindings";
import { hasCapability } from "../../../lib/capabilities";
import { useBootRecovery, useClones, useCreateClone, useDeleteClone, useRebuildNetwork, useRebuildPending } from "../../../api/maintenance";
import { useCatalogRegions } from "../../../api/queries";
import { confirmDanger } from "../../../components/confirm";
import { ManagedTransferPanel } from "./ManagedTransferPanel";
import { Time } from "../../../components/Time";

type Props = { server: Server; account: AccountView | undefined; providerLabel: string };

/** Repairs that keep the disk (recovery boot, network rebuild, pending rebuild) and clones. */
export function MaintenanceTab({ server, account, providerLabel }: Props) {
  const target = { accountId: server.account_id, serverId: server.id };
  const name = server.name || server.id;
  const recovery = useBootRecovery();
  const network = useRebuildNetwork();
  const rebuild = useRebuildPending();
  const hasClones = hasCapability(account, "clones");

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={5}>Repair</Title>
        <Group gap="xs">
          {hasCapability(account, "maintenance.recovery") && (
            <Button
              variant="default"
              leftSection={<IconLifebuoy size={16} />}
              loading={recovery.isPending}
              onClick={() =>
                confirmDanger(
                  `Boot ${name} into recovery?`,
                  `${name} ${server.status === "running" ? "restarts" : "starts"} in ${providerLabel}'s recovery system with its disk attached for repair. Reboot it normally when you are done.`,
                  "Boot into recovery",
                  "recovery-confirm",
                  () => recovery.mutate(target),
                )
              }
              data-testid="recovery-boot"
            >
              Boot into recovery
            </Button>
          )}
          {hasCapability(account, "maintenance.rebuild_network") && (
            <Button
              variant="default"
              leftSection={<IconNetwork size={16} />}
              loading={network.isPending}
              disabled={server.status !== "running"}
              onClick={() =>
                confirmDanger(
                  `Rebuild the network of ${name}?`,
                  `${providerLabel} regenerates the network configuration file of ${name} and reboots it.`,
                  "Rebuild network",
                  "rebuild-network-confirm",
                  () => network.mutate(target),
                )
              }
              data-testid="rebuild-network"
            >
              Rebuild network
            </Button>
          )}
          {hasCapability(account, "maintenance.rebuild_pending") && server.status === "pending" && (
            <Button variant="light" leftSection={<IconHammer size={16} />} loading={rebuild.isPending} onClick={() => rebuild.mutate(target)} data-testid="rebuild-pending">
              Finish the build
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          The network can be rebuilt while the server runs. A server whose build did not finish shows “Finish the build”. Each runs as a job (see Jobs).
        </Text>
      </Stack>
      {hasClones && <ClonesSection server={server} providerLabel={providerLabel} />}
      {hasCapability(account, "server.managed_transfer") && <ManagedTransferPanel server={server} providerLabel={providerLabel} />}
    </Stack>
  );
}

function ClonesSection({ server, providerLabel }: { server: Server; providerLabel: string }) {
  const target = { accountId: server.account_id, serverId: server.id };
  const clones = useClones(server.account_id, server.id);
  const regions = useCatalogRegions(server.account_id);
  const create = useCreateClone();
  const remove = useDeleteClone();
  const [region, setRegion] = useState<string | null>(null);

  return (
    <Stack gap="xs" data-testid="clones-panel">
      <Title order={5}>Clones</Title>
      <Group gap="xs" align="flex-end">
        <Select
          label="Cloud"
          placeholder="Same cloud as the server"
          data={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={region}
          onChange={setRegion}
          clearable
          style={{ flex: 1 }}
          data-testid="clone-region"
        />
        <Button
          leftSection={<IconCopy size={16} />}
          loading={create.isPending}
          onClick={() =>
            confirmDanger(
              `Clone ${server.name || server.id}?`,
              `${providerLabel} makes a new server as a copy of this one; it is billed like any other server.`,
              "Clone server",
              "clone-confirm",
              () => create.mutate({ ...target, region }, { onSuccess: () => setRegion(null) }),
            )
          }
          data-testid="clone-create"
        >
          Clone server
        </Button>
      </Group>
      <QueryTable query={clones} testId="clones" columns={["Clone", "Status", "New server", "Created"]} empty="This server has not been cloned."
        row={(c) => (
          <Table.Tr key={c.id} data-testid={`clone-row-${c.id}`}>
            <LabelAndIdCell label={c.label ?? "—"} id={c.id} />
            <Table.Td>
              <Badge size="sm" variant="light" color={c.cloned_server_id ? "teal" : "yellow"} data-testid={`clone-status-${c.id}`}>
                {c.status}
              </Badge>
            </Table.Td>
            <Table.Td ff="monospace">{c.cloned_server_id ?? "—"}</Table.Td>
            <Table.Td>
              <Time value={c.created_at} />
            </Table.Td>
            <RowActions>
              <DeleteAction
                tooltip="Delete the clone record (the new server stays)"
                label={`Delete clone ${c.id}`}
                testId={`clone-delete-${c.id}`}
                title="Delete clone record?"
                what={`Clone ${c.label ?? c.id} is removed from the list; server ${c.cloned_server_id ?? "—"} is not deleted.`}
                confirm="Delete clone"
                confirmTestId="clone-delete-confirm"
                onConfirm={() => remove.mutate({ ...target, cloneId: c.id })}
              />
            </RowActions>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
