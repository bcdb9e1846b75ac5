/** Operating systems: a server's reinstall and OS change (as jobs) with the systems it can change to, and the account's ISOs. */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { useJobCommand, type Target } from "./jobs";
import { keys } from "./keys";

export function useOsOptions(accountId: string, serverId: string, enabled = true) {
  return useCommandQuery(keys.extras.osOptions(accountId, serverId), () => commands.osOptions(accountId, serverId), { enabled, staleTime: 10 * 60_000 });
}

export function useReinstall() {
  return useJobCommand((v: Target) => commands.reinstallServer(v.accountId, v.serverId), "Could not reinstall the server");
}

export function useChangeOs() {
  return useJobCommand(
    (v: Target & { osId: string }) => commands.changeOs(v.accountId, v.serverId, v.osId),
    "Could not change the operating system",
  );
}

export function useIsos(accountId: string, enabled = true) {
  return useCommandQuery(keys.extras.isos(accountId), () => commands.listIsos(accountId), { enabled, staleTime: 60 * 60_000 });
}
