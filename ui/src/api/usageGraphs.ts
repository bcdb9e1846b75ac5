/** A server's usage graphs (bandwidth, CPU, disk) over time. */
import { useQuery } from "@tanstack/react-query";
import { commands } from "./bindings";
import { call } from "./errors";
import { keys } from "./keys";

export function useUsageGraphs(accountId: string, serverId: string, enabled = true) {
  return useQuery({
    queryKey: keys.extras.graphs(accountId, serverId),
    queryFn: () => call(commands.usageGraphs(accountId, serverId)),
    enabled,
    staleTime: 5 * 60_000,
  });
}
