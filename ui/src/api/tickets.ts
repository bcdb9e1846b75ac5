/**
 * Support tickets: queries and the three writes. Opening and replying can carry root/SSH
 * credentials for the provider's staff, so they are plain async calls rather than TanStack
 * mutations: a mutation keeps its variables in the cache, and these must live only as long as
 * the call.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import {
  commands,
  type AccountView,
  type Department,
  type IssueType,
  type NewTicket,
  type ProviderKind,
  type Ticket,
  type TicketFilter,
  type TicketReply,
  type TicketThread,
} from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { notifyError, notifySuccess } from "../lib/notify";
import { keys } from "./keys";
import { accountsQuery } from "./queries";
import { accountServers } from "./serverRows";
import { hasCapability } from "../lib/capabilities";
import { providerInfo } from "../lib/labels";

/** While a ticket waits for staff, its thread is polled this often. */
export const AWAITING_STAFF_POLL_MS = 3_000;
export const TICKETS_POLL_MS = 60_000;

/** An account as the ticket pages show it: from the accounts list and its provider's descriptor. */
export type TicketAccount = {
  account: string;
  account_id: string;
  provider: ProviderKind;
  supported: boolean;
  /** Why not, and where to go instead, when unsupported. */
  message: string | null;
  support_url: string;
  departments: Department[];
  issue_types: IssueType[];
};

function ticketAccount(a: AccountView): TicketAccount {
  const info = providerInfo(a.provider);
  const supported = hasCapability(a, "tickets");
  return {
    account: a.name,
    account_id: a.id,
    provider: a.provider,
    supported,
    message: supported ? null : info.no_tickets,
    support_url: info.support_url,
    ...info.ticket_form,
  };
}

const ticketAccounts = (views: AccountView[]) => views.map(ticketAccount);

export function useTicketAccounts() {
  return useQuery({ ...accountsQuery, select: ticketAccounts });
}

export function useTickets(filter: TicketFilter) {
  return useQuery({
    queryKey: keys.tickets.list(filter),
    queryFn: () => call(commands.listTickets(filter)),
    refetchInterval: (q) =>
      q.state.data?.tickets.some((t) => t.status === "open" && t.last_response_by === "customer")
        ? AWAITING_STAFF_POLL_MS
        : TICKETS_POLL_MS,
  });
}

/** A thread waits for staff when it is open and the customer wrote last. */
export function awaitingStaff(t: TicketThread | undefined): boolean {
  if (!t || t.status === "closed") return false;
  const last = t.messages[t.messages.length - 1];
  return !!last && !last.staff;
}

export function ticketThreadOptions(accountId: string, ticketId: string) {
  return queryOptions({
    queryKey: keys.tickets.thread(accountId, ticketId),
    queryFn: () => call(commands.getTicket(accountId, ticketId)),
    refetchInterval: (q) => (awaitingStaff(q.state.data) ? AWAITING_STAFF_POLL_MS : TICKETS_POLL_MS),
  });
}

export function useTicketThread(accountId: string | null, ticketId: string | null) {
  return useQuery({ ...ticketThreadOptions(accountId ?? "", ticketId ?? ""), enabled: !!accountId && !!ticketId });
}

export function useManagedServices(accountId: string | null) {
  return useCommandQuery(keys.tickets.managed(accountId ?? ""), () => commands.managedServices(accountId!), { enabled: !!accountId, staleTime: 10 * 60_000 });
}

/** The account's servers for the "which server" picker; shares the servers page's cache. */
export function useServersOf(accountId: string | null) {
  return useCommandQuery(keys.servers.account(accountId ?? ""), () => accountServers(accountId!), { enabled: !!accountId });
}

/** Runs one secret-bearing call; nothing of its input is kept once it settles. */
function useSecretCall<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const client = useQueryClient();
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (...args: A): Promise<R> => {
      setPending(true);
      try {
        return await fn(...args);
      } finally {
        setPending(false);
        void client.invalidateQueries({ queryKey: keys.tickets.all });
      }
    },
    [client, fn],
  );
  return { run, pending };
}

const openTicket = (accountId: string, request: NewTicket): Promise<Ticket> => call(commands.openTicket(accountId, request));
const replyTicket = (accountId: string, ticketId: string, reply: TicketReply): Promise<null> =>
  call(commands.replyTicket(accountId, ticketId, reply));

export function useOpenTicket() {
  return useSecretCall(openTicket);
}

export function useReplyTicket() {
  return useSecretCall(replyTicket);
}

export function useCloseTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (t: { account_id: string; id: string }) => call(commands.closeTicket(t.account_id, t.id)),
    onSuccess: (_, t) => notifySuccess(`Ticket ${t.id} closed`),
    onError: (e) => notifyError("Could not close the ticket", e),
    onSettled: () => client.invalidateQueries({ queryKey: keys.tickets.all }),
  });
}
