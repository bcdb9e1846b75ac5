/** The account holder's profile at the provider, read and saved field by field. */
import { useQuery } from "@tanstack/react-query";
import { commands, type ProfileChange } from "./bindings";
import { call } from "./errors";
import { keys } from "./keys";
import { useAccountWrite } from "./writes";

export function useProfile(accountId: string) {
  return useQuery({ queryKey: keys.extras.profile(accountId), queryFn: () => call(commands.accountProfile(accountId)) });
}

export const useSetProfile = () =>
  useAccountWrite((v: { accountId: string; changes: ProfileChange[] }) => commands.setAccountProfile(v.accountId, v.changes), () => "Profile saved", "Could not save the profile");
