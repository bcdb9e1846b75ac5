/** A server's own settings (name, host name, automatic backups), replaced in one call. */
import { commands, type ServerSettings } from "./bindings";
import { useCommandQuery } from "./commandQuery";
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
