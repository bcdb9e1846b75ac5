/** The link to a server's console, fetched when the tab opens. */
import { useQuery } from "@tanstack/react-query";
import { commands } from "./bindings";
import { call } from "./errors";
import { keys } from "./keys";

export function useConsole(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.console(accountId, serverId),
    queryFn: () => call(commands.serverConsole(accountId, serverId)),
    enabled,
  });
}
