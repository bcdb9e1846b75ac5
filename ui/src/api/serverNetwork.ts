/** A server's addresses: the list, IPv4 add and remove, reverse DNS set, reset and delete, and the IPv6 reverse entries. */
import { commands } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import type { Target } from "./jobs";
import { keys } from "./keys";
import { useExtrasFormWrite, useExtrasWrite } from "./writes";

export function useAddresses(accountId: string, serverId: string, enabled = true) {
  return useCommandQuery(keys.extras.addresses(accountId, serverId), () => commands.serverAddresses(accountId, serverId), { enabled });
}

export function useReverseIpv6(accountId: string, serverId: string, enabled = true) {
  return useCommandQuery(keys.extras.reverse6(accountId, serverId), () => commands.reverseIpv6(accountId, serverId), { enabled });
}

export function useAddIpv4() {
  return useExtrasWrite(
    (v: Target & { reboot: boolean }) => commands.addIpv4(v.accountId, v.serverId, v.reboot),
    (v) => (v.reboot ? "IPv4 address added; the server is rebooting" : "IPv4 address added; reboot the server to configure it"),
    "Could not add an IPv4 address",
  );
}

export function useRemoveIpv4() {
  return useExtrasWrite(
    (v: Target & { ip: string }) => commands.removeIpv4(v.accountId, v.serverId, v.ip),
    (v) => `${v.ip} removed`,
    "Could not remove the address",
  );
}

export function useSetReverse() {
  return useExtrasFormWrite(
    (v: Target & { ip: string; entry: string }) => commands.setReverse(v.accountId, v.serverId, v.ip, v.entry),
    (v) => `Reverse DNS of ${v.ip} set to ${v.entry}`,
  );
}

export function useResetReverse() {
  return useExtrasWrite(
    (v: Target & { ip: string }) => commands.resetReverse(v.accountId, v.serverId, v.ip),
    (v) => `Reverse DNS of ${v.ip} reset to the default`,
    "Could not reset the reverse DNS",
  );
}

export function useDeleteReverse() {
  return useExtrasWrite(
    (v: Target & { ip: string }) => commands.deleteReverse(v.accountId, v.serverId, v.ip),
    (v) => `Reverse DNS of ${v.ip} deleted`,
    "Could not delete the reverse DNS entry",
  );
}
