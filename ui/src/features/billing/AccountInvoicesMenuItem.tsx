import { IconReceipt } from "@tabler/icons-react";
import type { AccountView } from "../../api/bindings";
import { NavMenuItem } from "../../components/NavMenuItem";
import { hasCapability } from "../../lib/capabilities";
import { accountInvoicesPath } from "../../routes";

/** "Invoices of this account", for servers of accounts whose provider lists invoices. */
export function AccountInvoicesMenuItem({ account, testId }: { account: AccountView | undefined; testId: string }) {
  if (!account || !hasCapability(account, "billing.invoices")) return null;
  return (
    <NavMenuItem to={accountInvoicesPath(account.id)} icon={<IconReceipt size={14} />} testId={testId}>
      Invoices of this account
    </NavMenuItem>
  );
}
