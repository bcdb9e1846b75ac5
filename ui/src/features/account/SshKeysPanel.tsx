import { Stack, Table, Textarea, TextInput } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { SshKey } from "../../api/bindings";
import { useCreateSshKey, useDeleteSshKey, useSshKeys, useUpdateSshKey } from "../../api/sshKeys";
import { EditorModal, ifChanged, useItemEditor } from "../../components/ItemEditor";
import { DeleteAction, ListHeader, QueryTable, RowAction, RowActions } from "../../components/ItemTable";
import { Time } from "../../components/Time";

/** Shortens "ssh-ed25519 AAAA…xyz comment" so the table stays one line per key. */
function shortKey(k: string): string {
  const [kind, body = "", ...comment] = k.split(/\s+/);
  const short = body.length > 24 ? `${body.slice(0, 10)}…${body.slice(-10)}` : body;
  return [kind, short, ...comment].join(" ");
}

export function SshKeysPanel({ accountId }: { accountId: string }) {
  const keys = useSshKeys(accountId);
  const create = useCreateSshKey();
  const update = useUpdateSshKey();
  const remove = useDeleteSshKey();
  const editor = useItemEditor(
    (key: SshKey | null) => ({ name: key?.name ?? "", public_key: key?.public_key ?? "" }),
    (key, draft) =>
      key
        ? update.mutateAsync({ accountId, keyId: key.id, update: { name: ifChanged(draft.name, key.name), public_key: ifChanged(draft.public_key, key.public_key) } })
        : create.mutateAsync({ accountId, key: draft }),
  );

  return (
    <Stack gap="sm">
      <ListHeader
        description="Public keys stored at the provider; pick them in the create-server form. Changing a key affects only servers installed afterwards."
        addLabel="Add SSH key"
        addTestId="sshkey-add"
        onAdd={() => editor.open(null)}
      />
      <QueryTable query={keys} testId="sshkeys" columns={["Name", "Key", "Added"]} empty="No SSH keys stored yet."
        row={(k) => (
          <Table.Tr key={k.id} data-testid={`sshkey-row-${k.id}`}>
            <Table.Td>{k.name}</Table.Td>
            <Table.Td ff="monospace" title={k.public_key}>
              {shortKey(k.public_key)}
            </Table.Td>
            <Table.Td>
              <Time value={k.created_at} />
            </Table.Td>
            <RowActions>
              <RowAction label={`Edit SSH key ${k.name}`} icon={<IconPencil size={16} />} onClick={() => editor.open(k)} testId={`sshkey-edit-${k.id}`} />
              <DeleteAction
                label={`Delete SSH key ${k.name}`}
                testId={`sshkey-delete-${k.id}`}
                title={`Delete SSH key ${k.name}?`}
                what="It is removed from the account, not from servers that already have it."
                confirm="Delete key"
                confirmTestId="sshkey-delete-confirm"
                onConfirm={() => remove.mutate({ accountId, keyId: k.id, name: k.name })}
              />
            </RowActions>
          </Table.Tr>
        )}
      />
      <EditorModal
        editor={editor}
        testId="sshkey"
        size="lg"
        title={(key) => (key ? "Edit SSH key" : "Add SSH key")}
        submitLabel={(key) => (key ? "Save" : "Add key")}
        busy={create.isPending || update.isPending}
      >
        {(draft) => (
          <>
            <TextInput label="Name" withAsterisk value={draft.name} onChange={(e) => editor.change({ name: e.currentTarget.value })} error={editor.fieldError("name")} data-testid="sshkey-name" />
            <Textarea
              label="Public key"
              description="One line from your .pub file, e.g. ssh-ed25519 AAAA… you@laptop. Never paste a private key."
              withAsterisk
              autosize
              minRows={3}
              ff="monospace"
              spellCheck={false}
              value={draft.public_key}
              onChange={(e) => editor.change({ public_key: e.currentTarget.value })}
              error={editor.fieldError("public_key")}
              data-testid="sshkey-public-key"
            />
          </>
        )}
      </EditorModal>
    </Stack>
  );
}
