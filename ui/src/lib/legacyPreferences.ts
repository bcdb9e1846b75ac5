/**
 * The preferences versions before settings.json kept in the webview's localStorage, read once to
 * be imported (api/preferences.ts) and then removed: nothing else in the app touches localStorage.
 */
import type { Preferences } from "../api/bindings";

export const LEGACY_KEYS = {
  refresh: "vpsdesk.servers.refreshInterval",
  columns: "vpsdesk.servers.columns",
  lowBalance: "vpsdesk.billing.lowBalance",
  viewed: "vpsdesk.tickets.viewed",
};

function json(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

function recordOf<T>(v: unknown, keep: (x: unknown) => x is T): Record<string, T> {
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, T] => keep(e[1])));
}

const isString = (x: unknown): x is string => typeof x === "string";
const isBoolean = (x: unknown): x is boolean => typeof x === "boolean";

/** What localStorage holds, in the backend's shape; anything missing or unreadable is left out. */
export function legacyPreferences(): Pick<Preferences, "refresh_interval_ms" | "server_columns" | "low_balance" | "viewed_tickets"> {
  const refresh = json(LEGACY_KEYS.refresh);
  const columns = recordOf(json(LEGACY_KEYS.columns), isBoolean);
  return {
    refresh_interval_ms: typeof refresh === "number" && Number.isInteger(refresh) && refresh >= 0 ? refresh : null,
    server_columns: Object.keys(columns).length > 0 ? columns : null,
    low_balance: recordOf(json(LEGACY_KEYS.lowBalance), isString),
    viewed_tickets: recordOf(json(LEGACY_KEYS.viewed), isString),
  };
}

export function forgetLegacyPreferences() {
  for (const key of Object.values(LEGACY_KEYS)) localStorage.removeItem(key);
}
