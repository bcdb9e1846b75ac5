/** The account's VLANs (create, rename) and static IPs (reserve, release). */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";
import { useAccountWrite } from "./writes";

export function useVlans(accountId: string) {
  return useCommandQuery(keys.extras.vlans(accountId), () => commands.listVlans(accountId));
}

export function useStaticIps(accountId: string) {
  return useCommandQuery(keys.extras.staticIps(accountId), () => commands.listStaticIps(accountId));
}

export const useCreateVlan = () =>
  useAccountWrite((v: { accountId: string; name: string }) => commands.createVlan(v.accountId, v.name), (v) => `VLAN ${v.name} created`, "Could not create the VLAN");
export const useRenameVlan = () =>
  useAccountWrite((v: { accountId: string; vlanId: string; name: string }) => commands.renameVlan(v.accountId, v.vlanId, v.name), (v) => `VLAN renamed to ${v.name}`, "Could not rename the VLAN");
export const useCreateStaticIp = () =>
  useAccountWrite((v: { accountId: string }) => commands.createStaticIp(v.accountId), (_v, ip) => `Static IP ${ip.ip} reserved`, "Could not reserve an address");
export const useDestroyStaticIp = () =>
  useAccountWrite((v: { accountId: string; ip: string }) => commands.destroyStaticIp(v.accountId, v.ip), (v) => `Static IP ${v.ip} released`, "Could not release the address");
