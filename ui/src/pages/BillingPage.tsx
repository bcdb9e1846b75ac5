import { Alert, Anchor, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconExternalLink, IconInfoCircle } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { Invoice } from "../api/bindings";
import { useBalances, useBillingAccounts, useInvoices } from "../api/billing";
import { hasCapability } from "../lib/capabilities";
import { AccountPanel } from "../features/billing/AccountPanel";
import { BalanceCards } from "../features/billing/BalanceCards";
import { InvoicesTable } from "../features/billing/InvoicesTable";
import { PdfViewer } from "../features/billing/PdfViewer";
import { useLowBalanceThresholds } from "../features/billing/threshold";

/** What do I owe, where, and what is it costing me: balances, invoices, transactions, usage. */
export function BillingPage() {
  const accounts = useBillingAccounts();
  const list = useMemo(() => accounts.data ?? [], [accounts.data]);
  const balances = useBalances(list);
  const invoiceQueries = useInvoices(list);
  const { thresholds, set } = useLowBalanceThresholds();
  const [open, setOpen] = useState<Invoice | null>(null);
  const onOpen = useCallback((i: Invoice) => setOpen(i), []);
  // "Invoices of this account" (a server's menu) lists that account's only.
  const onlyAccount = useSearchParams()[0].get("account");

  const withInvoices = list.filter((a) => hasCapability(a, "billing.invoices"));
  const invoices = invoiceQueries.flatMap((q) => q.data ?? []);
  const withoutApi = list.filter((a) => a.note);

  return (
    <Stack gap="md" data-testid="billing-page">
      <Title order={3}>Billing</Title>
      {accounts.isPending && <Loader size="sm" />}
      {accounts.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          {accounts.error.message}
        </Alert>
      )}
      {accounts.isSuccess && list.length === 0 && (
        <Text c="dimmed" data-testid="billing-empty">
          Add an account to see its balance and invoices here.
        </Text>
      )}

      {list.length > 0 && (
        <section aria-labelledby="billing-balances-title">
          <Title order={5} mb="xs" id="billing-balances-title">
            Balances
          </Title>
          <BalanceCards accounts={list} balances={balances} thresholds={thresholds} onThreshold={set} />
        </section>
      )}

      {withoutApi.map((a) => (
        <Alert key={a.account_id} color="gray" variant="light" icon={<IconInfoCircle size={16} />} data-testid={`billing-note-${a.account_id}`}>
          <Text size="sm">
            <b>{a.account}</b>: {a.provider_label}'s API has no balance or invoices, so vpsdesk cannot show them.{" "}
            <Anchor href={a.panel_url} target="_blank" rel="noreferrer" size="sm">
              Open the {a.provider_label} panel <IconExternalLink size={12} />
            </Anchor>
          </Text>
        </Alert>
      ))}

      {list.length > 0 && (
        <section aria-labelledby="billing-invoices-title">
          <Group gap="xs" mb="xs">
            <Title order={5} id="billing-invoices-title">
              Invoices
            </Title>
            {invoiceQueries.some((q) => q.isPending) && <Loader size="xs" />}
          </Group>
          {invoiceQueries.map((q, i) =>
            q.isError ? (
              <Alert key={withInvoices[i].account_id} color="red" variant="light" mb="xs" icon={<IconAlertTriangle size={16} />}>
                {withInvoices[i].account}: {q.error.message}
              </Alert>
            ) : null,
          )}
          {withInvoices.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="invoices-none">
              None of these providers lists invoices through its API:{" "}
              {list.map((a, i) => (
                <span key={a.account_id}>
                  {i > 0 && ", "}
                  <Anchor href={a.panel_url} target="_blank" rel="noreferrer" size="sm">
                    {a.provider_label}
                  </Anchor>
                </span>
              ))}
              .
            </Text>
          ) : (
            <Paper withBorder p="xs">
              <InvoicesTable key={onlyAccount} invoices={invoices} onOpen={onOpen} initialAccount={onlyAccount} />
              {list.some((a) => !hasCapability(a, "billing.invoices") && !a.note) && (
                <Text size="xs" c="dimmed" mt="xs">
                  Not listed, because their APIs have no invoices:{" "}
                  {list
                    .filter((a) => !hasCapability(a, "billing.invoices") && !a.note)
                    .map((a) => a.account)
                    .join(", ")}
                  .
                </Text>
              )}
            </Paper>
          )}
        </section>
      )}

      {list.length > 0 && (
        <section aria-labelledby="billing-details-title">
          <Title order={5} mb="xs" id="billing-details-title">
            Transactions, usage and subscriptions
          </Title>
          <Paper withBorder p="xs">
            <AccountPanel accounts={list} />
          </Paper>
        </section>
      )}
      <PdfViewer invoice={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
