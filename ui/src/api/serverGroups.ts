/** The account's server groups: create, rename, remove, add or remove members, start or stop all. */
import { commands, type PowerAction } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";
import { useAccountWrite } from "./writes";

export function useServerGroups(accountId: string) {
  return useCommandQuery(keys.extras.serverGroups(accountId), () => commands.listServerGroups(accountId));
}

export const useCreateServerGroup = () =>
  useAccountWrite((v: { accountId: string; name: string }) => commands.createServerGroup(v.accountId, v.name), (v) => `Group ${v.name} created`, "Could not create the group");
export const useRenameServerGroup = () =>
  useAccountWrite(
    (v: { accountId: string; groupId: string; name: string }) => commands.renameServerGroup(v.accountId, v.groupId, v.name),
    (v) => `Group renamed to ${v.name}`,
    "Could not rename the group",
  );
export const useDestroyServerGroup = () =>
  useAccountWrite((v: { accountId: string; groupId: string; name: string }) => commands.destroyServerGroup(v.accountId, v.groupId), (v) => `Group ${v.name} removed`, "Could not remove the group");
export const useGroupMembers = () =>
  useAccountWrite(
    (v: { accountId: string; groupId: string; serverIds: string[]; add: boolean }) => commands.groupMembers(v.accountId, v.groupId, v.serverIds, v.add),
    (v, members) => `${v.add ? "Added" : "Removed"}; the group now has ${members.length} server${members.length === 1 ? "" : "s"}`,
    "Could not change the group",
  );
export const useGroupPower = () =>
  useAccountWrite(
    (v: { accountId: string; groupId: string; name: string; action: PowerAction }) => commands.groupPower(v.accountId, v.groupId, v.action),
    (v, ids) => `${v.action === "start" ? "Start" : "Stop"} requested for ${ids.length} server${ids.length === 1 ? "" : "s"} of ${v.name}`,
    "Could not power the group",
  );
