/** Servers deleted recently enough to be recovered, and recovering one. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands } from "./bindings";
import { call } from "./errors";
import { notifyError, notifySuccess } from "../lib/notify";
import { keys } from "./keys";

export function useDeletedServers(accountId: string) {
  return useQuery({ queryKey: keys.extras.deleted(accountId), queryFn: () => call(commands.deletedServers(accountId)) });
}

export function useRecoverServer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; serverId: string }) => call(commands.recoverServer(v.accountId, v.serverId)),
    onSuccess: (s) => notifySuccess(`${s.name || s.id} recovered`),
    onError: (e) => notifyError("Could not recover the server", e),
    onSettled: (_s, _e, v) => {
      void qc.invalidateQueries({ queryKey: keys.extras.deleted(v.accountId) });
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
    },
  });
}
