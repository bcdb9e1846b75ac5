/** The account's SSH keys: list (also for the create form), add, rename or replace, delete. */
import { commands, type NewSshKey, type SshKeyUpdate } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";
import { useExtrasFormWrite, useExtrasWrite } from "./writes";

export function useSshKeys(accountId: string | null, enabled = true) {
  return useCommandQuery(keys.extras.sshKeys(accountId ?? ""), () => commands.listSshKeys(accountId!), { enabled: enabled && !!accountId });
}

export function useCreateSshKey() {
  return useExtrasFormWrite((v: { accountId: string; key: NewSshKey }) => commands.createSshKey(v.accountId, v.key), (v) => `SSH key ${v.key.name} added`);
}

export function useUpdateSshKey() {
  return useExtrasFormWrite(
    (v: { accountId: string; keyId: string; update: SshKeyUpdate }) => commands.updateSshKey(v.accountId, v.keyId, v.update),
    () => "SSH key updated",
  );
}

export function useDeleteSshKey() {
  return useExtrasWrite(
    (v: { accountId: string; keyId: string; name: string }) => commands.deleteSshKey(v.accountId, v.keyId),
    (v) => `SSH key ${v.name} deleted`,
    "Could not delete the SSH key",
  );
}
