/**
 * The user's preferences, kept by the backend in settings.json (tauri-plugin-store): read once,
 * changed here at once and saved whole. Until the backend answers, the defaults stand.
 */
import type { MantineColorSchemeManager } from "@mantine/core";
import { hashKey, queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { commands, type Preferences } from "./bindings";
import { call } from "./errors";
import { keys } from "./keys";
import { legacyPreferences, forgetLegacyPreferences } from "../lib/legacyPreferences";
import { notifyError } from "../lib/notify";

export const DEFAULT_PREFERENCES: Preferences = {
  refresh_interval_ms: null,
  server_columns: null,
  low_balance: {},
  viewed_tickets: {},
  imported_local_storage: false,
  notifications: { job_end: true, server_state: true, low_balance: true },
  terminal_command: null,
  ssh_user: "root",
  color_scheme: "auto",
};

/** Read once: every change after that is made here first (useSetPreferences). */
export const preferencesQuery = queryOptions({ queryKey: keys.preferences, queryFn: () => call(commands.preferences()), staleTime: Infinity });

function usePreferencesQuery() {
  return useQuery(preferencesQuery);
}

export function usePreferences(): Preferences {
  return usePreferencesQuery().data ?? DEFAULT_PREFERENCES;
}

/** Changes preferences from the current ones: shown at once, then saved; a failed save is said and the saved ones come back. */
export function useSetPreferences() {
  const qc = useQueryClient();
  return useCallback(
    (change: (now: Preferences) => Partial<Preferences>) => {
      const now = qc.getQueryData<Preferences>(keys.preferences) ?? DEFAULT_PREFERENCES;
      const changed = change(now);
      if (Object.keys(changed).length === 0) return;
      const next = { ...now, ...changed };
      qc.setQueryData(keys.preferences, next);
      call(commands.savePreferences(next)).catch((e: unknown) => {
        notifyError("The preferences could not be saved", e);
        void qc.invalidateQueries({ queryKey: keys.preferences });
      });
    },
    [qc],
  );
}

/** Once: what older versions kept in the webview's localStorage joins the saved preferences (those win), then leaves it. */
export function useImportLegacyPreferences() {
  const saved = usePreferencesQuery().data;
  const set = useSetPreferences();
  useEffect(() => {
    if (!saved || saved.imported_local_storage) return;
    const old = legacyPreferences();
    set((now) => ({
      refresh_interval_ms: now.refresh_interval_ms ?? old.refresh_interval_ms,
      server_columns: now.server_columns ?? old.server_columns,
      low_balance: { ...old.low_balance, ...now.low_balance },
      viewed_tickets: { ...old.viewed_tickets, ...now.viewed_tickets },
      imported_local_storage: true,
    }));
    forgetLegacyPreferences();
  }, [saved, set]);
}

/**
 * Mantine's light or dark from the color_scheme preference, kept in settings.json like every
 * other: Mantine's default manager would keep it in localStorage. The preference is the one
 * place a choice is made (the preferences panel saves it), so `set` keeps nothing.
 */
export function preferencesColorSchemeManager(client: QueryClient): MantineColorSchemeManager {
  const saved = () => client.getQueryData<Preferences>(keys.preferences)?.color_scheme;
  const hash = hashKey(keys.preferences);
  let stop: (() => void) | undefined;
  return {
    get: (fallback) => saved() ?? fallback,
    set: () => {},
    subscribe: (onUpdate) => {
      const update = () => {
        const scheme = saved();
        if (scheme) onUpdate(scheme);
      };
      stop = client.getQueryCache().subscribe((event) => {
        if (event.type === "updated" && event.query.queryHash === hash) update();
      });
      update(); // read after Mantine's first render, before this subscription
    },
    unsubscribe: () => stop?.(),
    clear: () => {},
  };
}
