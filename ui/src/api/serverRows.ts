import { commands, type Detail, type Server, type ServerRows } from "./bindings";
import { call } from "./errors";

/** The lists leave every server's details out (the drawer reads them with `get_server`): one empty list for all, never written to. */
const NO_DETAILS: Detail[] = [];

/**
 * An account's servers from its `account_servers` answer, which carries the account once and each
 * server as an array of its fields (`ServerRows`, server_rows.rs: a third of the bytes of objects).
 * `capabilities` is set only where the row has them, as on the `Server` the backend sends.
 */
export function serversOf(list: ServerRows): Server[] {
  const { account, account_id, provider } = list;
  return list.rows.map(([id, name, status, provider_status, ipv4, ipv6, region, plan, created_at, capabilities]) => {
    const server: Server = { account, account_id, provider, id, name, status, provider_status, ipv4, ipv6, region, plan, created_at, details: NO_DETAILS };
    if (capabilities) server.capabilities = capabilities;
    return server;
  });
}

/** One account's servers without their details: the servers table's list. */
export async function accountServers(accountId: string): Promise<Server[]> {
  return serversOf(await call(commands.accountServers(accountId)));
}
