import { Alert, Button, Code, Group, Loader, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle, IconPlayerStop } from "@tabler/icons-react";
import { useEffect, useEffectEvent, useState } from "react";
import type { AccountView, Server } from "../../api/bindings";
import {
  STOP_AND_DELETE,
  stopActionFor,
  useDeleteServer,
  useStopAndDeleteServer,
  type StopDeleteProgress,
} from "../../api/queries";
import { forServer, hasCapability } from "../../lib/capabilities";
import { formatDuration } from "../../lib/refresh";

/** The user must type the server's name exactly (its id when it has no name) to enable Delete. */
export function confirmPhrase(server: Server): string {
  return server.name.length > 0 ? server.name : server.id;
}

/** The provider deletes only stopped servers and this one is not stopped. */
export function needsStopBeforeDelete(server: Server, account: AccountView | undefined): boolean {
  return !!account && !hasCapability(account, "servers.delete_running") && server.status !== "stopped";
}

function progressText(p: StopDeleteProgress | null, name: string): string {
  if (!p) return `Starting…`;
  switch (p.step) {
    case "checking":
      return `Checking the status of ${name}…`;
    case "stopping":
      return p.action === "force_stop" ? `Force-stopping ${name}…` : `Stopping ${name}…`;
    case "waiting":
      return `Waiting for ${name} to stop: it is ${p.status} (${Math.round(p.elapsedMs / 1000)} s, at most ${formatDuration(STOP_AND_DELETE.timeoutMs)})…`;
    case "deleting":
      return `${name} is stopped. Deleting it…`;
  }
}

type Props = {
  server: Server | null;
  account: AccountView | undefined;
  providerLabel: string;
  onClose: () => void;
};

export function DeleteServerModal({ server, account: accountOf, providerLabel, onClose }: Props) {
  const account = server ? forServer(accountOf, server) : accountOf;
  const del = useDeleteServer();
  const stopDel = useStopAndDeleteServer();
  const [typed, setTyped] = useState("");
  const clear = useEffectEvent(() => {
    setTyped("");
    del.reset();
    stopDel.reset();
  });
  useEffect(() => clear(), [server?.account_id, server?.id]);

  const phrase = server ? confirmPhrase(server) : "";
  const matches = server !== null && typed === phrase;
  const busy = del.isPending || stopDel.isPending;
  // Once started, the dialog stays in "Stop and delete" mode even though the status becomes "stopped".
  const stopFlow = stopDel.isPending || (server !== null && needsStopBeforeDelete(server, account));
  const stopAction = stopActionFor(account);
  const blocked = stopFlow && stopAction === null;
  const error = stopDel.cancelled ? null : (stopDel.error ?? del.error);
  const name = server ? server.name || server.id : "";

  const close = () => {
    if (stopDel.isPending) stopDel.cancel();
    onClose();
  };

  return (
    <Modal
      opened={server !== null}
      onClose={close}
      title={stopFlow ? "Stop and delete server" : "Delete server"}
      size="md"
      closeOnClickOutside={!busy}
    >
      {server && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!matches || busy || blocked) return;
            del.reset();
            stopDel.reset();
            if (stopFlow) stopDel.mutate({ server, account }, { onSuccess: onClose });
            else del.mutate(server, { onSuccess: onClose });
          }}
        >
          <Stack gap="sm">
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
              <Text size="sm">
                This permanently deletes <b>{name}</b> on {server.account}, with its disks and IP addresses. It cannot
                be undone.
              </Text>
            </Alert>
            {stopFlow && (
              <Alert
                color={blocked ? "red" : "yellow"}
                variant="light"
                icon={<IconPlayerStop size={18} />}
                p="xs"
                data-testid="delete-stop-notice"
              >
                <Text size="sm">
                  {providerLabel} deletes only stopped servers
                  {stopDel.isPending ? "" : `, and ${name} is ${server.status}`}.{" "}
                  {blocked
                    ? `vpsdesk cannot stop servers on this account: stop ${name} in the provider's control panel first.`
                    : stopAction === "force_stop"
                      ? `Stop and delete force-stops it (its power is cut: it is being deleted anyway), waits until it is stopped (at most ${formatDuration(STOP_AND_DELETE.timeoutMs)}), then deletes it.`
                      : `Stop and delete shuts it down, waits until it is stopped (at most ${formatDuration(STOP_AND_DELETE.timeoutMs)}), then deletes it.`}
                </Text>
              </Alert>
            )}
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
              disabled={busy}
              data-testid="delete-confirm-input"
            />
            {stopDel.isPending && (
              <Group gap="xs" wrap="nowrap" aria-live="polite">
                <Loader size={14} />
                <Text size="sm" data-testid="delete-progress">
                  {progressText(stopDel.progress, name)}
                </Text>
              </Group>
            )}
            {error && (
              <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={18} />}>
                <Text size="sm" data-testid="delete-error">
                  {error.message}
                </Text>
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                type="submit"
                color="red"
                disabled={!matches || blocked}
                loading={busy}
                data-testid="delete-confirm-button"
              >
                {stopFlow ? "Stop and delete" : "Delete"}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
