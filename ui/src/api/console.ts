/** The link to a server's console, fetched when the tab opens. */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";

export function useConsole(accountId: string, serverId: string, enabled = true) {
  return useCommandQuery(keys.extras.console(accountId, serverId), () => commands.serverConsole(accountId, serverId), { enabled });
}
