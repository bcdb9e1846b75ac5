import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconCamera, IconRestore } from "@tabler/icons-react";
import { useState } from "react";
import { DeleteAction, LabelAndIdCell, QueryTable, RowAction, RowActions } from "../../../components/ItemTable";
import type { AccountView, Server } from "../../../api/bindings";
import { hasCapability } from "../../../lib/capabilities";
import { useChangeOs, useOsOptions, useReinstall } from "../../../api/operatingSystems";
import { useCreateSnapshot, useDeleteSnapshot, useRestoreSnapshot, useSnapshots } from "../../../api/snapshots";
import { BackupsPanel } from "./BackupsPanel";
import { confirmWipe } from "../../../components/confirm";
import { formatBytes } from "../../../lib/format";
import { Time } from "../../../components/Time";

type Props = { server: Server; account: AccountView | undefined; providerLabel: string };

export function SnapshotsTab({ server, account, providerLabel }: Props) {
  const target = { accountId: server.account_id, serverId: server.id };
  const name = server.name || server.id;
  const hasSnapshots = hasCapability(account, "snapshots");
  const snapshots = useSnapshots(server.account_id, hasSnapshots);
  const createSnapshot = useCreateSnapshot();
  const restoreSnapshot = useRestoreSnapshot();
  const deleteSnapshot = useDeleteSnapshot();
  const reinstall = useReinstall();
  const changeOs = useChangeOs();
  const osOptions = useOsOptions(server.account_id, server.id, hasCapability(account, "os.change"));
  const [description, setDescription] = useState("");
  const [osId, setOsId] = useState<string | null>(null);

  const take = async () => {
    await createSnapshot.mutateAsync({ ...target, description: description.trim() });
    setDescription("");
  };

  const osLabel = (id: string | null) => osOptions.data?.find((o) => o.id === id)?.name ?? id ?? "";

  return (
    <Stack gap="lg">
      {hasSnapshots && (
        <Stack gap="xs">
          <Title order={5}>Snapshots</Title>
          <Group gap="xs" align="flex-end">
            <TextInput
              label="Description"
              placeholder="e.g. before upgrade"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              style={{ flex: 1 }}
              data-testid="snapshot-description"
            />
            <Button leftSection={<IconCamera size={16} />} loading={createSnapshot.isPending} onClick={() => void take().catch(() => undefined)} data-testid="snapshot-create">
              Take snapshot
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {providerLabel} snapshots belong to the account: any complete one can be restored onto this server. Taking one runs as a job (see Jobs).
          </Text>
          <QueryTable query={snapshots} testId="snapshots" columns={["Description", "Status", "Size", "Created"]} empty="No snapshots yet."
            row={(s) => (
              <Table.Tr key={s.id} data-testid={`snapshot-row-${s.id}`}>
                <LabelAndIdCell label={s.description || "—"} id={s.id} />
                <Table.Td>
                  <Badge size="sm" variant="light" color={s.status === "complete" ? "teal" : s.status === "pending" ? "yellow" : "gray"} data-testid={`snapshot-status-${s.id}`}>
                    {s.provider_status || s.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatBytes(s.size_bytes)}</Table.Td>
                <Table.Td>
                  <Time value={s.created_at} />
                </Table.Td>
                <RowActions>
                  <RowAction
                    tooltip={s.status === "complete" ? `Restore onto ${name}` : "Not complete yet"}
                    label={`Restore snapshot ${s.id} onto ${name}`}
                    icon={<IconRestore size={16} />}
                    blocked={s.status !== "complete"}
                    onClick={() =>
                      confirmWipe(`Restore onto ${name}?`, `Snapshot ${s.description || s.id} will be written to ${name}.`, "Restore snapshot", "snapshot-restore-confirm", () =>
                        restoreSnapshot.mutate({ ...target, snapshotId: s.id }),
                      )
                    }
                    testId={`snapshot-restore-${s.id}`}
                  />
                  <DeleteAction
                    tooltip="Delete snapshot"
                    label={`Delete snapshot ${s.id}`}
                    testId={`snapshot-delete-${s.id}`}
                    title="Delete snapshot?"
                    what={`Snapshot ${s.description || s.id} is destroyed; this cannot be undone.`}
                    confirm="Delete snapshot"
                    confirmTestId="snapshot-delete-confirm"
                    onConfirm={() => deleteSnapshot.mutate({ accountId: server.account_id, snapshotId: s.id })}
                  />
                </RowActions>
              </Table.Tr>
            )}
          />
        </Stack>
      )}

      {hasCapability(account, "backups.list") && <BackupsPanel server={server} account={account} providerLabel={providerLabel} />}

      {(hasCapability(account, "os.reinstall") || hasCapability(account, "os.change")) && (
        <Stack gap="xs">
          <Title order={5}>Operating system</Title>
          <Group gap="xs" align="flex-end">
            {hasCapability(account, "os.change") && (
              <>
                <Select
                  label="Change to"
                  placeholder={osOptions.isPending ? "Loading systems…" : "Choose a system"}
                  data={(osOptions.data ?? []).map((o) => ({
                    value: o.id,
                    label: o.surcharge && o.surcharge !== "0.00" ? `${o.name} (+${o.surcharge}/mo)` : o.name,
                  }))}
                  error={osOptions.error?.message}
                  value={osId}
                  onChange={setOsId}
                  searchable
                  style={{ flex: 1 }}
                  data-testid="os-select"
                />
                <Button
                  variant="default"
                  disabled={!osId}
                  loading={changeOs.isPending}
                  onClick={() =>
                    osId &&
                    confirmWipe(`Install ${osLabel(osId)} on ${name}?`, `${name} gets ${osLabel(osId)}.`, "Change OS", "os-change-confirm", () =>
                      changeOs.mutate({ ...target, osId }, { onSuccess: () => setOsId(null) }),
                    )
                  }
                  data-testid="os-change"
                >
                  Change OS
                </Button>
              </>
            )}
            {hasCapability(account, "os.reinstall") && (
              <Button
                variant="light"
                color="red"
                loading={reinstall.isPending}
                onClick={() => confirmWipe(`Reinstall ${name}?`, `${name} gets a fresh install of its current system; its IP addresses stay.`, "Reinstall", "reinstall-confirm", () => reinstall.mutate(target))}
                data-testid="reinstall"
              >
                Reinstall
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
