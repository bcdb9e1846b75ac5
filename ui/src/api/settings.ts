/** A server's own settings: VPS.org's (name, host name, automatic backups, replaced in one call) and CloudSigma's (`set`). */
import { commands, type ServerChanges, type ServerSettings } from "./bindings";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCommandQuery } from "./commandQuery";
import { call } from "./errors";
import { notifySuccess } from "../lib/notify";
import type { Target } from "./jobs";
import { keys } from "./keys";
import { useServerFormSave } from "./writes";

export function useServerSettings(accountId: string, serverId: string) {
  return useCommandQuery(keys.extras.settings(accountId, serverId), () => commands.serverSettings(accountId, serverId));
}

export function useUpdateServerSettings() {
  return useServerFormSave(
    keys.extras.settings,
    (v: Target & { settings: ServerSettings }) => commands.updateServerSettings(v.accountId, v.serverId, v.settings),
    (saved) => ["Settings saved", `${saved.name} (${saved.hostname})`],
  );
}

/**
 * CloudSigma's server settings. The answer is the server as changed; the account's servers refetch,
 * which the detail drawer shows. Errors stay with the form (per-field messages).
 */
export function useSetServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: Target & { changes: ServerChanges }) => call(commands.setServer(v.accountId, v.serverId, v.changes)),
    onSuccess: (saved, v) => {
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
      notifySuccess("Settings saved", saved.name);
    },
  });
}
