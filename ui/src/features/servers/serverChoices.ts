import { useQuery } from "@tanstack/react-query";
import { commands } from "../../api/bindings";
import { call } from "../../api/errors";
import { keys } from "../../api/keys";

/** The account's servers for pickers (group members, bulk actions); refreshed with its resources. */
export function useAccountServerChoices(accountId: string) {
  return useQuery({ queryKey: keys.extras.serverChoices(accountId), queryFn: () => call(commands.accountServers(accountId)) });
}
