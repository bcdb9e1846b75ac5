import { IconLifebuoy } from "@tabler/icons-react";
import type { Server } from "../../api/bindings";
import { useTicketAccounts } from "../../api/tickets";
import { NavMenuItem } from "../../components/NavMenuItem";
import { newTicketPath } from "../../routes";

/** "Open a ticket about this server", for servers of accounts whose provider has tickets. */
export function OpenTicketMenuItem({ server, testId }: { server: Server; testId: string }) {
  const accounts = useTicketAccounts();
  const supported = accounts.data?.some((a) => a.account_id === server.account_id && a.supported);
  if (!supported) return null;
  return (
    <NavMenuItem to={newTicketPath(server.account_id, server.id)} icon={<IconLifebuoy size={14} />} testId={testId}>
      Open a ticket about this server
    </NavMenuItem>
  );
}
