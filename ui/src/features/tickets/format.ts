import type { TicketStatus } from "../../api/bindings";
import { readTime } from "../../lib/time";

export const TICKET_STATUS_COLORS: Record<TicketStatus, string> = {
  open: "blue",
  hold: "yellow",
  closed: "gray",
  unknown: "dark",
};

/** "just now", "5 min", "3 h", "12 d", "2 y": how long ago; "—" when unknown. */
export function age(value: string | null, now = Date.now()): string {
  const t = readTime(value);
  if (!t) return "—";
  if (t.kind === "unread") return t.text;
  const s = Math.max(0, Math.round((now - t.ms) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h`;
  if (s < 365 * 86400) return `${Math.floor(s / 86400)} d`;
  return `${Math.floor(s / (365 * 86400))} y`;
}
