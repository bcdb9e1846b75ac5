import { Badge, Group, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ScriptKind, StartupScript } from "../../api/bindings";
import { useCreateScript, useDeleteScript, useScripts, useUpdateScript } from "../../api/startupScripts";
import { EditorModal, ifChanged, useItemEditor } from "../../components/ItemEditor";
import { DeleteAction, ListHeader, QueryTable, RowAction, RowActions } from "../../components/ItemTable";
import { Time } from "../../components/Time";

export function ScriptsPanel({ accountId }: { accountId: string }) {
  const scripts = useScripts(accountId);
  const create = useCreateScript();
  const update = useUpdateScript();
  const remove = useDeleteScript();
  const editor = useItemEditor(
    (script: StartupScript | null) => ({ name: script?.name ?? "", kind: script?.kind ?? ("boot" as ScriptKind), content: script?.content ?? "#!/bin/sh\n" }),
    (script, draft) =>
      script
        ? update.mutateAsync({ accountId, scriptId: script.id, update: { name: ifChanged(draft.name, script.name), content: ifChanged(draft.content, script.content) } })
        : create.mutateAsync({ accountId, script: draft }),
  );

  return (
    <Stack gap="sm">
      <ListHeader
        description="Boot scripts run on a new server's first boot; PXE scripts are run by iPXE. Pick one in the create-server form."
        addLabel="Add script"
        addTestId="script-add"
        onAdd={() => editor.open(null)}
      />
      <QueryTable query={scripts} testId="scripts" columns={["Name", "Type", "First line", "Modified"]} empty="No startup scripts stored yet."
        row={(s) => {
          const name = s.name.trim() || s.id;
          return (
            <Table.Tr key={s.id} data-testid={`script-row-${s.id}`}>
              <Table.Td>{name}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light">
                  {s.kind}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace">{s.content.split("\n")[0]}</Table.Td>
              <Table.Td>
                <Time value={s.modified_at} />
              </Table.Td>
              <RowActions>
                <RowAction label={`Edit script ${s.name}`} icon={<IconPencil size={16} />} onClick={() => editor.open(s)} testId={`script-edit-${s.id}`} />
                <DeleteAction
                  label={`Delete script ${s.name}`}
                  testId={`script-delete-${s.id}`}
                  title={`Delete script ${name}?`}
                  what="It is removed from the account; servers already created keep what it did."
                  confirm="Delete script"
                  confirmTestId="script-delete-confirm"
                  onConfirm={() => remove.mutate({ accountId, scriptId: s.id, name })}
                />
              </RowActions>
            </Table.Tr>
          );
        }}
      />
      <EditorModal
        editor={editor}
        testId="script"
        size="xl"
        title={(script) => (script ? "Edit startup script" : "Add startup script")}
        submitLabel={(script) => (script ? "Save" : "Add script")}
        busy={create.isPending || update.isPending}
      >
        {(draft, script) => (
          <>
            <Group grow align="flex-start">
              <TextInput label="Name" withAsterisk value={draft.name} onChange={(e) => editor.change({ name: e.currentTarget.value })} error={editor.fieldError("name")} data-testid="script-name" />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Type
                </Text>
                <SegmentedControl
                  disabled={script !== null}
                  value={draft.kind}
                  onChange={(v) => editor.change({ kind: v as ScriptKind })}
                  data={[
                    { value: "boot", label: "Boot" },
                    { value: "pxe", label: "PXE" },
                  ]}
                  data-testid="script-kind"
                />
              </Stack>
            </Group>
            <Textarea
              label="Script"
              withAsterisk
              autosize
              minRows={8}
              maxRows={20}
              ff="monospace"
              spellCheck={false}
              value={draft.content}
              onChange={(e) => editor.change({ content: e.currentTarget.value })}
              error={editor.fieldError("content")}
              data-testid="script-content"
            />
          </>
        )}
      </EditorModal>
    </Stack>
  );
}
