/** The account holder's profile at the provider, read and saved field by field. */
import { commands, type ProfileChange } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";
import { useAccountWrite } from "./writes";

export function useProfile(accountId: string) {
  return useCommandQuery(keys.extras.profile(accountId), () => commands.accountProfile(accountId));
}

export const useSetProfile = () =>
  useAccountWrite((v: { accountId: string; changes: ProfileChange[] }) => commands.setAccountProfile(v.accountId, v.changes), () => "Profile saved", "Could not save the profile");
