/**
 * Billing: balances, invoices, transactions, usage, prices and subscriptions, one query per
 * account so a slow provider never holds back the others. Saving asks the backend, which opens
 * the native save dialog itself and writes the file there: the webview only suggests a name and
 * never learns or names a path before the person chose it.
 */
import { keepPreviousData, queryOptions, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type AccountView, type Balance, type Capability, type ProviderKind, type BundleOrder, type SavedFile, type SubscriptionOrder, type Transaction } from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { notifyError, notifySuccess } from "../lib/notify";
import { keys } from "./keys";
import { accountsQuery } from "./queries";
import { hasCapability } from "../lib/capabilities";
import { providerInfo } from "../lib/labels";
import { formatTime } from "../lib/time";

/** Money changes slowly: a minute before a background refetch. */
const BILLING_STALE_MS = 60_000;

/** One account's balance: what the Billing page shows and the low-balance notices watch. */
export function balanceQuery(accountId: string) {
  return queryOptions({
    queryKey: keys.billing.balance(accountId),
    queryFn: () => call(commands.billingBalance(accountId)),
    staleTime: BILLING_STALE_MS,
  });
}

/** An account as the Billing page shows it: from the accounts list and its provider's descriptor. */
export type BillingAccount = {
  account: string;
  account_id: string;
  provider: ProviderKind;
  provider_label: string;
  capabilities: Capability[];
  /** Where the provider shows bills in its own control panel. */
  panel_url: string;
  /** Set when the API has no balance or invoices: what to do instead. */
  note: string | null;
};

function billingAccount(a: AccountView): BillingAccount {
  const info = providerInfo(a.provider);
  const none = !hasCapability(a, "billing.balance") && !hasCapability(a, "billing.invoices");
  return {
    account: a.name,
    account_id: a.id,
    provider: a.provider,
    provider_label: info.label,
    capabilities: a.capabilities,
    panel_url: info.panel_url,
    note: none ? info.no_billing : null,
  };
}

const billingAccounts = (views: AccountView[]) => views.map(billingAccount);

export function useBillingAccounts() {
  return useQuery({ ...accountsQuery, select: billingAccounts });
}

export function useBalances(accounts: BillingAccount[]) {
  return useQueries({
    queries: accounts
      .filter((a) => hasCapability(a, "billing.balance"))
      .map((a) => balanceQuery(a.account_id)),
  });
}

/**
 * The loaded balances added up per currency by the backend, so the money people read is summed
 * in one place (the core's exact decimals). While a newer balance is being added in, the totals
 * of the balances loaded so far stay on screen, as they did before it arrived.
 */
export function useBalanceTotals(balances: Balance[]) {
  return useQuery({
    queryKey: keys.billing.totals(balances),
    queryFn: () => call(commands.billingBalanceTotals(balances)),
    enabled: balances.length > 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * The loaded transactions' charges added up per day and currency by the backend, for the chart:
 * money the person reads is summed in the core only, and the provider is not asked again.
 */
export function useDailyCharges(transactions: Transaction[]) {
  return useQuery({
    queryKey: keys.billing.dailyCharges(transactions),
    queryFn: () => call(commands.billingDailyCharges(transactions)),
    enabled: transactions.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useInvoices(accounts: BillingAccount[]) {
  return useQueries({
    queries: accounts
      .filter((a) => hasCapability(a, "billing.invoices"))
      .map((a) => ({
        queryKey: keys.billing.invoices(a.account_id),
        queryFn: () => call(commands.billingInvoices(a.account_id)),
        staleTime: BILLING_STALE_MS,
      })),
  });
}

export function useTransactions(accountId: string, enabled: boolean) {
  return useCommandQuery(keys.billing.transactions(accountId), () => commands.billingTransactions(accountId), { enabled, staleTime: BILLING_STALE_MS });
}

export function useUsage(accountId: string, enabled: boolean) {
  return useCommandQuery(keys.billing.usage(accountId), () => commands.billingUsage(accountId), { enabled, staleTime: BILLING_STALE_MS });
}

export function usePricing(accountId: string, enabled: boolean) {
  return useCommandQuery(keys.billing.pricing(accountId), () => commands.billingPricing(accountId), { enabled, staleTime: 10 * BILLING_STALE_MS });
}

export function useSubscriptions(accountId: string, enabled: boolean) {
  return useCommandQuery(keys.billing.subscriptions(accountId), () => commands.billingSubscriptions(accountId), { enabled, staleTime: BILLING_STALE_MS });
}

/** The currencies the provider bills in; they change rarely. */
export function useCurrencies(accountId: string, enabled: boolean) {
  return useCommandQuery(keys.billing.currencies(accountId), () => commands.billingCurrencies(accountId), { enabled, staleTime: 10 * BILLING_STALE_MS });
}

/** What the account has subscribed in total, per resource and network kind. */
export function useSubscribedTotals(accountId: string, enabled: boolean) {
  return useCommandQuery(keys.billing.subscribedTotals(accountId), () => commands.billingSubscribedTotals(accountId), { enabled, staleTime: BILLING_STALE_MS });
}

/** Prices are asked for, never cached: a quote is what the provider says now. */
export function quoteSubscription(accountId: string, order: SubscriptionOrder) {
  return call(commands.quoteSubscription(accountId, order));
}

/** Software is priced by the provider; resources come back with the listed rates and no total. */
export function quoteBundle(accountId: string, order: BundleOrder) {
  return call(commands.quoteBundle(accountId, order));
}

export function quoteExtension(accountId: string, subscriptionId: string, months: number) {
  return call(commands.quoteExtension(accountId, subscriptionId, months));
}

/** After buying, the balance, the transactions, the subscriptions and their totals have changed. */
function useRefreshMoney() {
  const client = useQueryClient();
  return (accountId: string) =>
    Promise.all(
      [keys.billing.balance, keys.billing.transactions, keys.billing.subscriptions, keys.billing.subscribedTotals].map((k) =>
        client.invalidateQueries({ queryKey: k(accountId) }),
      ),
    );
}

export function useCreateSubscription() {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: ({ accountId, order }: { accountId: string; order: SubscriptionOrder }) =>
      call(commands.createSubscription(accountId, order)),
    onSuccess: (created, { accountId }) => {
      notifySuccess("Subscribed", created.map((s) => s.resource ?? s.label).join(", "));
      return refresh(accountId);
    },
  });
}

export function useCreateBundle() {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: ({ accountId, order }: { accountId: string; order: BundleOrder }) => call(commands.createBundle(accountId, order)),
    onSuccess: (created, { accountId, order }) => {
      notifySuccess("Subscribed", created.length > 0 ? created.map((s) => s.label).join(", ") : order.kind === "software" ? "Software licences" : "Resources");
      return refresh(accountId);
    },
  });
}

export function useExtendSubscription() {
  const refresh = useRefreshMoney();
  return useMutation({
    mutationFn: ({ accountId, id, months }: { accountId: string; id: string; months: number }) =>
      call(commands.extendSubscription(accountId, id, months)),
    onSuccess: (s, { accountId }) => {
      notifySuccess("Subscription extended", `${s.label} until ${formatTime(s.end)}`);
      return refresh(accountId);
    },
  });
}

/** The PDF's bytes, for the viewer. */
export async function fetchInvoicePdf(accountId: string, invoiceId: string): Promise<Uint8Array> {
  return Uint8Array.from(await call(commands.invoicePdf(accountId, invoiceId)));
}

/** Saves the PDF where the person chooses in the save dialog; `null` when they cancelled. */
export async function saveInvoicePdf(accountId: string, invoiceId: string, fileName: string): Promise<SavedFile | null> {
  try {
    const saved = await call(commands.saveInvoicePdf(accountId, invoiceId, fileName));
    if (saved) notifySuccess("Invoice saved", saved.path);
    return saved;
  } catch (e) {
    notifyError("The invoice could not be saved", e);
    return null;
  }
}

/** Saves the CSV where the person chooses in the save dialog; `null` when they cancelled. */
export async function exportCsv(fileName: string, csv: string): Promise<SavedFile | null> {
  try {
    const saved = await call(commands.exportCsv(fileName, csv));
    if (saved) notifySuccess("Exported", saved.path);
    return saved;
  } catch (e) {
    notifyError("The table could not be exported", e);
    return null;
  }
}
