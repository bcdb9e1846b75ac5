import { Menu } from "@mantine/core";
import { IconLifebuoy } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import type { Server } from "../../api/bindings";
import { useTicketAccounts } from "../../api/tickets";
import { newTicketPath } from "../../routes";

/** "Open a ticket about this server", for servers of accounts whose provider has tickets. */
export function OpenTicketMenuItem({ server, testId }: { server: Server; testId: string }) {
  const accounts = useTicketAccounts();
  const navigate = useNavigate();
  const supported = accounts.data?.some((a) => a.account_id === server.account_id && a.supported);
  if (!supported) return null;
  return (
    <Menu.Item
      leftSection={<IconLifebuoy size={14} />}
      onClick={() => void navigate(newTicketPath(server.account_id, server.id))}
      data-testid={testId}
    >
      Open a ticket about this server
    </Menu.Item>
  );
}
