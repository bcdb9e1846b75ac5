/** Every IP address of the account (VPS.NET): notes and consumer ids, reassignment, justified addresses. */
import { commands, type Justification } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { useExtrasWrite } from "./writes";
import { keys } from "./keys";

/** Every address, or one consumer's (`consumer`: a checked id, see `readConsumerFilter`). */
export function useAccountIps(accountId: string, consumer: string | null = null) {
  return useCommandQuery(keys.extras.accountIps(accountId, consumer), () => commands.accountIps(accountId, consumer));
}

export function useJustifiedIps(accountId: string, enabled: boolean) {
  return useCommandQuery(keys.extras.justifiedIps(accountId), () => commands.justifiedIps(accountId), { enabled });
}

export function useEditAccountIp() {
  return useExtrasWrite(
    (v: { accountId: string; ipId: string; notes: string; consumerId: string | null }) => commands.editAccountIp(v.accountId, v.ipId, v.notes, v.consumerId),
    (v) => `Address ${v.ipId} changed`,
    "Could not change the address",
  );
}

/** Only called after the person confirmed the move. */
export function useReassignIp() {
  return useExtrasWrite(
    (v: { accountId: string; ipId: string; serverId: string }) => commands.reassignIp(v.accountId, v.ipId, v.serverId, true),
    (v) => `Address moved to server ${v.serverId}`,
    "Could not move the address",
  );
}

/** Only called after the person confirmed the charge. */
export function useRequestJustifiedIps() {
  return useExtrasWrite(
    (v: { accountId: string; serverId: string; reasons: Justification[] }) => commands.requestJustifiedIps(v.accountId, v.serverId, v.reasons, true),
    (v) => `${v.reasons.length} justified address${v.reasons.length === 1 ? "" : "es"} requested`,
    "Could not request the addresses",
  );
}
