/** The span the usage graphs cover, as the range picker holds it. */

export type UsagePreset = "24h" | "7d" | "30d";
export type UsageSpan = { preset: UsagePreset } | { preset: "custom"; fromDay: string; toDay: string };

export const PRESETS: { value: UsagePreset; label: string; hours: number }[] = [
  { value: "24h", label: "Last 24 h", hours: 24 },
  { value: "7d", label: "7 days", hours: 7 * 24 },
  { value: "30d", label: "30 days", hours: 30 * 24 },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day's midnight ("2026-12-01" → that midnight where the person is). */
function localMidnight(day: string): Date | null {
  if (!DAY.test(day)) return null;
  const [y, m, d] = day.split("-").map(Number);
  const at = new Date(y, m - 1, d);
  return at.getFullYear() === y && at.getMonth() === m - 1 && at.getDate() === d ? at : null;
}

/**
 * What to send for a span, read at `now`: a preset runs up to now (no end,
 * which the backend takes as now); custom days are the person's local days,
 * the end day included. An error names the field to mark.
 */
export function spanRange(span: UsageSpan, now: Date): { from: string; to: string | null } | { field: "from" | "to"; error: string } {
  if (span.preset !== "custom") {
    const hours = PRESETS.find((p) => p.value === span.preset)?.hours ?? 24;
    return { from: new Date(now.getTime() - hours * 3600_000).toISOString(), to: null };
  }
  const from = localMidnight(span.fromDay);
  if (!from) return { field: "from", error: "Choose the first day" };
  const last = localMidnight(span.toDay);
  if (!last) return { field: "to", error: "Choose the last day" };
  const to = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
  if (from >= to) return { field: "to", error: "The last day must not be before the first" };
  if (from >= now) return { field: "from", error: "The first day must not be in the future" };
  return { from: from.toISOString(), to: to.toISOString() };
}
