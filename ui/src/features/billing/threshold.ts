import { useCallback } from "react";
import { compare, isAmount } from "./money";
import { usePreferences, useSetPreferences } from "../../api/preferences";

/** Per account: warn when the balance falls below this amount (in the account's currency), kept in the preferences. */
export function useLowBalanceThresholds() {
  const thresholds = usePreferences().low_balance;
  const setPreferences = useSetPreferences();
  const set = useCallback(
    (accountId: string, value: string | null) =>
      setPreferences((now) => {
        const next = { ...now.low_balance };
        if (value === null || value.trim() === "") delete next[accountId];
        else next[accountId] = value.trim();
        return { low_balance: next };
      }),
    [setPreferences],
  );
  return { thresholds, set };
}

/** Below the threshold (credit counted positive, debt negative)? */
export function isLow(balance: string, threshold: string | undefined): boolean {
  return !!threshold && isAmount(threshold) && compare(balance, threshold) < 0;
}
