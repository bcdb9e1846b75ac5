import { ActionIcon, Badge, Button, Group, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { IconDatabaseExport, IconRestore, IconTemplate } from "@tabler/icons-react";
import { useState } from "react";
import { DeleteAction, ItemTable } from "../../../components/ItemTable";
import { QueryState } from "../../../components/QueryState";
import type { AccountView, Backup, Server } from "../../../api/bindings";
import { hasCapability } from "../../../lib/capabilities";
import { useBackups, useCreateBackup, useDeleteBackup, useRestoreBackup } from "../../../api/backups";
import { useConvertBackup } from "../../../api/templates";
import { confirmWipe } from "../../../components/confirm";

type Props = { server: Server; account: AccountView | undefined; providerLabel: string };

function state(b: Backup) {
  if (b.locked) return { label: "locked", color: "gray" };
  return b.built ? { label: "built", color: "teal" } : { label: "writing", color: "yellow" };
}

/** The server's backups, listed by the provider: take one now, restore one, delete one. */
export function BackupsPanel({ server, account, providerLabel }: Props) {
  const target = { accountId: server.account_id, serverId: server.id };
  const name = server.name || server.id;
  const backups = useBackups(server.account_id, server.id);
  const create = useCreateBackup();
  const restore = useRestoreBackup();
  const remove = useDeleteBackup();
  const [label, setLabel] = useState("");
  const canRestore = hasCapability(account, "backups.restore");
  const canDelete = hasCapability(account, "backups.delete");
  const canConvert = hasCapability(account, "backups.convert");
  const convert = useConvertBackup();

  return (
    <Stack gap="xs" data-testid="backups-panel">
      <Title order={5}>Backups</Title>
      {hasCapability(account, "backups.create") && (
        <Group gap="xs" align="flex-end">
          <TextInput
            label="Label"
            placeholder="e.g. before upgrade"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            style={{ flex: 1 }}
            data-testid="backup-label"
          />
          <Button
            leftSection={<IconDatabaseExport size={16} />}
            loading={create.isPending}
            onClick={() => create.mutate({ ...target, label: label.trim() }, { onSuccess: () => setLabel("") })}
            data-testid="backup-create"
          >
            Take backup
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {providerLabel} restores a backup only while the server is powered off. Taking one runs as a job (see Jobs); only manual backups can be
        deleted.
      </Text>
      <QueryState query={backups} empty="No backups of this server yet." emptyTestId="backups-empty" errorTestId="backups-error">
        {(data) => (
          <ItemTable testId="backups-table" columns={["Backup", "State", "Type", "Size", "Created"]}>
            {data.map((b) => {
              const s = state(b);
              const usable = b.built && !b.locked;
              return (
                <Table.Tr key={b.id} data-testid={`backup-row-${b.id}`}>
                  <Table.Td>
                    <Text size="sm">{b.label ?? b.system ?? "—"}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {b.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={s.color} data-testid={`backup-state-${b.id}`}>
                      {s.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{b.kind ?? "—"}</Table.Td>
                  <Table.Td title={`as ${providerLabel} states it`}>{b.size ?? "—"}</Table.Td>
                  <Table.Td>{b.created_at ?? "—"}</Table.Td>
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      {canRestore && (
                        <Tooltip label={usable ? `Restore onto ${name}` : "Not restorable yet"}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Restore backup ${b.id} onto ${name}`}
                            aria-disabled={!usable || undefined}
                            onClick={() =>
                              usable &&
                              confirmWipe(`Restore onto ${name}?`, `Backup ${b.label ?? b.id} will be written to ${name}.`, "Restore backup", "backup-restore-confirm", () =>
                                restore.mutate({ ...target, backupId: b.id }),
                              )
                            }
                            data-testid={`backup-restore-${b.id}`}
                          >
                            <IconRestore size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      {canConvert && (
                        <Tooltip label={b.built ? "Turn into a custom template" : "Not built yet"}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Turn backup ${b.id} into a custom template`}
                            aria-disabled={!b.built || undefined}
                            onClick={() => b.built && convert.mutate({ ...target, backupId: b.id })}
                            data-testid={`backup-convert-${b.id}`}
                          >
                            <IconTemplate size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      {canDelete && (
                        <DeleteAction
                          tooltip="Delete backup"
                          label={`Delete backup ${b.id}`}
                          testId={`backup-delete-${b.id}`}
                          title="Delete backup?"
                          what={`Backup ${b.label ?? b.id} is destroyed; this cannot be undone.`}
                          confirm="Delete backup"
                          confirmTestId="backup-delete-confirm"
                          onConfirm={() => remove.mutate({ ...target, backupId: b.id })}
                        />
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </ItemTable>
        )}
      </QueryState>
    </Stack>
  );
}
