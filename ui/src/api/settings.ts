/** A server's own settings (name, host name, automatic backups), replaced in one call. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type ServerSettings } from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { notifySuccess } from "../lib/notify";
import { keys } from "./keys";

export function useServerSettings(accountId: string, serverId: string) {
  return useCommandQuery(keys.extras.settings(accountId, serverId), () => commands.serverSettings(accountId, serverId));
}

/** Errors stay with the form (per-field messages), so no toast on failure. */
export function useUpdateServerSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; serverId: string; settings: ServerSettings }) =>
      call(commands.updateServerSettings(v.accountId, v.serverId, v.settings)),
    onSuccess: (saved, v) => {
      qc.setQueryData(keys.extras.settings(v.accountId, v.serverId), saved);
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
      notifySuccess("Settings saved", `${saved.name} (${saved.hostname})`);
    },
  });
}
