import { useCallback, useEffect, useState } from "react";
import type { Ticket } from "../../api/bindings";
import { readStoredRecord, writeStoredRecord } from "../../lib/storedRecord";

/**
 * Which staff response the user has seen, per ticket: the `last_response_time` of the ticket as it
 * was when its thread was last open. Stored rather than a wall-clock time, so the provider's clock
 * and time zone never matter.
 */
export const VIEWED_STORAGE_KEY = "vpsdesk.tickets.viewed";

type Viewed = Record<string, string>;

export function ticketKey(t: { account_id: string; id: string }): string {
  return `${t.account_id}-${t.id}`;
}

const read = (): Viewed => readStoredRecord(VIEWED_STORAGE_KEY);

/** Staff answered and the user has not seen that answer. */
export function isUnread(t: Ticket, viewed: Viewed): boolean {
  return t.last_response_by === "staff" && !!t.last_response_time && viewed[ticketKey(t)] !== t.last_response_time;
}

export function useViewedTickets() {
  const [viewed, setViewed] = useState<Viewed>(read);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => e.key === VIEWED_STORAGE_KEY && setViewed(read());
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);
  const markViewed = useCallback((t: { account_id: string; id: string }, lastResponseTime: string | null) => {
    if (!lastResponseTime) return;
    setViewed((prev) => {
      if (prev[ticketKey(t)] === lastResponseTime) return prev;
      const next = { ...read(), [ticketKey(t)]: lastResponseTime };
      writeStoredRecord(VIEWED_STORAGE_KEY, next);
      return next;
    });
  }, []);
  return { viewed, markViewed };
}
