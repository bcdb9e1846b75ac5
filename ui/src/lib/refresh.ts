import { useCallback } from "react";
import { usePreferences, useSetPreferences } from "../api/preferences";

/** Background refresh of the server inventory: the user's choice, kept in the preferences. */
export const DEFAULT_REFRESH_MS = 30_000;

/** `ms` 0 is "Off": no background refresh (except the 2 s polling of servers in transition). */
export const REFRESH_INTERVALS: ReadonlyArray<{ ms: number; label: string }> = [
  { ms: 0, label: "Off" },
  { ms: 15_000, label: "15 s" },
  { ms: 30_000, label: "30 s" },
  { ms: 60_000, label: "1 min" },
  { ms: 300_000, label: "5 min" },
];

export function parseRefreshInterval(raw: string | null | undefined): number {
  if (raw === null || raw === undefined || raw.trim() === "") return DEFAULT_REFRESH_MS;
  const n = Number(raw);
  return REFRESH_INTERVALS.some((o) => o.ms === n) ? n : DEFAULT_REFRESH_MS;
}

export function useRefreshInterval(): [number, (ms: number) => void] {
  const saved = usePreferences().refresh_interval_ms;
  const set = useSetPreferences();
  const setMs = useCallback((ms: number) => set(() => ({ refresh_interval_ms: ms })), [set]);
  return [parseRefreshInterval(saved === null ? null : String(saved)), setMs];
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** "12:03:41" (the locale's time of day, with seconds). */
export function formatTime(epochMs: number): string {
  return timeFormat.format(new Date(epochMs));
}

/** "2 minutes", "90 seconds", "1 minute". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s >= 60 && s % 60 === 0) return `${s / 60} ${s === 60 ? "minute" : "minutes"}`;
  return `${s} ${s === 1 ? "second" : "seconds"}`;
}
