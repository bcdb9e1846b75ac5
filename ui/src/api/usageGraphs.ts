/** A server's usage graphs (bandwidth, CPU, disk) over time. */
import { spanRange, type UsageSpan } from "../lib/usageSpan";
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";

/**
 * The graphs over `span` (accounts with `usage.range`), or over the
 * provider's own span when `span` is null. A preset is turned into times
 * when it is fetched, so the query key stays the same while "now" moves.
 */
export function useUsageGraphs(accountId: string, serverId: string, span: UsageSpan | null, enabled = true) {
  const range = span ? spanRange(span, new Date()) : null;
  const sendable = !range || !("field" in range);
  return useCommandQuery(
    keys.extras.graphs(accountId, serverId, span),
    () => {
      const r = span ? spanRange(span, new Date()) : null;
      return r && !("field" in r) ? commands.usageGraphs(accountId, serverId, r.from, r.to) : commands.usageGraphs(accountId, serverId, null, null);
    },
    { enabled: enabled && sendable, staleTime: 5 * 60_000 },
  );
}
