import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import type { Server } from "../../api/bindings";
import { useDeleteServer } from "../../api/queries";

/** The user must type the server's name exactly (its id when it has no name) to enable Delete. */
export function confirmPhrase(server: Server): string {
  return server.name.length > 0 ? server.name : server.id;
}

export function DeleteServerModal({ server, onClose }: { server: Server | null; onClose: () => void }) {
  const del = useDeleteServer();
  const [typed, setTyped] = useState("");
  useEffect(() => {
    setTyped("");
    del.reset();
  }, [server?.account_id, server?.id]);

  const phrase = server ? confirmPhrase(server) : "";
  const matches = server !== null && typed === phrase;

  return (
    <Modal opened={server !== null} onClose={onClose} title="Delete server" size="md">
      {server && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (matches && !del.isPending) del.mutate(server, { onSuccess: onClose });
          }}
        >
          <Stack gap="sm">
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
              <Text size="sm">
                This permanently deletes <b>{server.name || server.id}</b> on {server.account}, with its disks and
                IP addresses. It cannot be undone.
              </Text>
            </Alert>
            <TextInput
              label={
                <>
                  Type <Code>{phrase}</Code> to confirm
                </>
              }
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              data-testid="delete-confirm-input"
              error={del.error?.message}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                type="submit"
                color="red"
                disabled={!matches}
                loading={del.isPending}
                data-testid="delete-confirm-button"
              >
                Delete
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
