import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconDatabaseExport, IconRestore, IconTemplate } from "@tabler/icons-react";
import { useState } from "react";
import { DeleteAction, LabelAndIdCell, QueryTable, RowAction, RowActions } from "../../../components/ItemTable";
import type { AccountView, Backup, Server } from "../../../api/bindings";
import { hasCapability } from "../../../lib/capabilities";
import { useBackups, useCreateBackup, useDeleteBackup, useRestoreBackup } from "../../../api/backups";
import { useConvertBackup } from "../../../api/templates";
import { confirmWipe } from "../../../components/confirm";
import { Time } from "../../../components/Time";

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
      <QueryTable query={backups} testId="backups" columns={["Backup", "State", "Type", "Size", "Created"]} empty="No backups of this server yet."
        row={(b) => {
          const s = state(b);
          const usable = b.built && !b.locked;
          return (
            <Table.Tr key={b.id} data-testid={`backup-row-${b.id}`}>
              <LabelAndIdCell label={b.label ?? b.system ?? "—"} id={b.id} />
              <Table.Td>
                <Badge size="sm" variant="light" color={s.color} data-testid={`backup-state-${b.id}`}>
                  {s.label}
                </Badge>
              </Table.Td>
              <Table.Td>{b.kind ?? "—"}</Table.Td>
              <Table.Td title={`as ${providerLabel} states it`}>{b.size ?? "—"}</Table.Td>
              <Table.Td>
                <Time value={b.created_at} />
              </Table.Td>
              <RowActions>
                {canRestore && (
                  <RowAction
                    tooltip={usable ? `Restore onto ${name}` : "Not restorable yet"}
                    label={`Restore backup ${b.id} onto ${name}`}
                    icon={<IconRestore size={16} />}
                    blocked={!usable}
                    onClick={() =>
                      confirmWipe(`Restore onto ${name}?`, `Backup ${b.label ?? b.id} will be written to ${name}.`, "Restore backup", "backup-restore-confirm", () =>
                        restore.mutate({ ...target, backupId: b.id }),
                      )
                    }
                    testId={`backup-restore-${b.id}`}
                  />
                )}
                {canConvert && (
                  <RowAction
                    tooltip={b.built ? "Turn into a custom template" : "Not built yet"}
                    label={`Turn backup ${b.id} into a custom template`}
                    icon={<IconTemplate size={16} />}
                    blocked={!b.built}
                    onClick={() => convert.mutate({ ...target, backupId: b.id })}
                    testId={`backup-convert-${b.id}`}
                  />
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
              </RowActions>
            </Table.Tr>
          );
        }}
      />
    </Stack>
  );
}
