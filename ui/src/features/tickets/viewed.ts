import { useCallback } from "react";
import type { Ticket } from "../../api/bindings";
import { usePreferences, useSetPreferences } from "../../api/preferences";

/**
 * Which staff response the user has seen, per ticket: the `last_response_time` of the ticket as it
 * was when its thread was last open. Stored rather than a wall-clock time, so the provider's clock
 * and time zone never matter. Kept in the preferences.
 */
type Viewed = Record<string, string>;

export function ticketKey(t: { account_id: string; id: string }): string {
  return `${t.account_id}-${t.id}`;
}

/** Staff answered and the user has not seen that answer. */
export function isUnread(t: Ticket, viewed: Viewed): boolean {
  return t.last_response_by === "staff" && !!t.last_response_time && viewed[ticketKey(t)] !== t.last_response_time;
}

export function useViewedTickets() {
  const viewed: Viewed = usePreferences().viewed_tickets;
  const setPreferences = useSetPreferences();
  const markViewed = useCallback(
    (t: { account_id: string; id: string }, lastResponseTime: string | null) => {
      if (!lastResponseTime) return;
      setPreferences((now) =>
        now.viewed_tickets[ticketKey(t)] === lastResponseTime ? {} : { viewed_tickets: { ...now.viewed_tickets, [ticketKey(t)]: lastResponseTime } },
      );
    },
    [setPreferences],
  );
  return { viewed, markViewed };
}
