import { useQuery } from "@tanstack/react-query";
import { keys } from "../../api/keys";
import { accountServers } from "../../api/serverRows";

/** The account's servers for pickers (group members, bulk actions); refreshed with its resources. */
export function useAccountServerChoices(accountId: string) {
  return useQuery({ queryKey: keys.extras.serverChoices(accountId), queryFn: () => accountServers(accountId) });
}
