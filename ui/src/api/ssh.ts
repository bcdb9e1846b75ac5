/** "Open SSH": the backend starts the terminal of the preferences with `ssh user@address`. */
import { useMutation } from "@tanstack/react-query";
import { commands, type Server } from "./bindings";
import { call } from "./errors";
import { usePreferences } from "./preferences";
import { notifyError, notifySuccess } from "../lib/notify";

/** Why a server cannot be reached over SSH from here, or null when it can (the backend picks its public address). */
export function sshUnavailable(server: Server): string | null {
  return server.ipv4.length + server.ipv6.length === 0 ? "The server has no IP address to connect to." : null;
}

export function useOpenSsh() {
  const user = usePreferences().ssh_user;
  return useMutation({
    mutationFn: (v: { server: Server }) => call(commands.openSsh(v.server.account_id, v.server.id, user)),
    onSuccess: (_r, { server }) => notifySuccess("Terminal opened", `ssh as ${user} to ${server.name || server.id}.`),
    onError: (e, { server }) => notifyError(`Could not open SSH to ${server.name || server.id}`, e),
  });
}
