/**
 * Provider times as the backend sends them (core `time.rs`): RFC 3339 in UTC for an instant,
 * `YYYY-MM-DD` for a calendar day, or, when it could not read one, the provider's text as it came.
 * They are shown in the user's local time and sorted by the real instant.
 */

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type TimeReading =
  | { kind: "instant"; ms: number }
  /** A calendar day, at local midnight: the same day wherever the user is. */
  | { kind: "day"; ms: number }
  /** Not a time vpsdesk could read: shown as sent, with a note, never dropped. */
  | { kind: "unread"; text: string };

export function readTime(value: string | null | undefined): TimeReading | null {
  if (!value) return null;
  if (INSTANT.test(value)) return { kind: "instant", ms: Date.parse(value) };
  const day = DAY.exec(value);
  if (day) return { kind: "day", ms: new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime() };
  return { kind: "unread", text: value };
}

/** The instant (or a day's local midnight) in ms; missing and unreadable times sort before every real one. */
export function timeMs(value: string | null | undefined): number {
  const t = readTime(value);
  return t && t.kind !== "unread" ? t.ms : -Infinity;
}

export const UNREAD_NOTE = "as sent: not a time vpsdesk could read";

const instantFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** Local time for an instant, the date for a day, the provider's text with a note otherwise; "—" when missing. */
export function formatTime(value: string | null | undefined): string {
  const t = readTime(value);
  if (!t) return "—";
  if (t.kind === "unread") return `${t.text} (${UNREAD_NOTE})`;
  return (t.kind === "instant" ? instantFormat : dayFormat).format(t.ms);
}
