/** A server's usage graphs (bandwidth, CPU, disk) over time. */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";

export function useUsageGraphs(accountId: string, serverId: string, enabled = true) {
  return useCommandQuery(keys.extras.graphs(accountId, serverId), () => commands.usageGraphs(accountId, serverId), { enabled, staleTime: 5 * 60_000 });
}
