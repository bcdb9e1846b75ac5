import { Menu } from "@mantine/core";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";

/** A menu item that goes to another page of the app (a server's menu: its tickets, its invoices). */
export function NavMenuItem({ to, icon, testId, children }: { to: string; icon: ReactNode; testId: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Menu.Item leftSection={icon} onClick={() => void navigate(to)} data-testid={testId}>
      {children}
    </Menu.Item>
  );
}
