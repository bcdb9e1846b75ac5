import { useQuery } from "@tanstack/react-query";
import { commands } from "../../api/bindings";
import { call } from "../../api/errors";

/** The account's servers for pickers (group members, bulk actions); refreshed with its resources. */
export function useAccountServerChoices(accountId: string) {
  return useQuery({ queryKey: ["extras", accountId, "servers"], queryFn: () => call(commands.accountServers(accountId)) });
}
