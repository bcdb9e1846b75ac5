/** Acting on servers together: a copy of a server, and power or destroy for several at once. */
import { commands, type BulkAction } from "./bindings";
import { useAccountWrite } from "./writes";

export const useCloneServer = () =>
  useAccountWrite(
    (v: { accountId: string; serverId: string; name: string }) => commands.cloneServer(v.accountId, v.serverId, v.name),
    (_v, s) => `Server copied to ${s.name}`,
    "Could not copy the server",
  );
export const useBulkPower = () =>
  useAccountWrite(
    (v: { accountId: string; serverIds: string[]; action: BulkAction }) => commands.bulkPower(v.accountId, v.serverIds, v.action),
    (v) => `${v.action === "start" ? "Start" : v.action === "stop" ? "Power-off" : "Destroy"} requested for ${v.serverIds.length} server${v.serverIds.length === 1 ? "" : "s"}`,
    "Could not act on the servers",
  );
