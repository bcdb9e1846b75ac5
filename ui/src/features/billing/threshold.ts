import { useCallback, useState } from "react";
import { compare, isAmount } from "./money";
import { readStoredRecord, writeStoredRecord } from "../../lib/storedRecord";

/** Per account: warn when the balance falls below this amount (in the account's currency). */
export const THRESHOLD_STORAGE_KEY = "vpsdesk.billing.lowBalance";

type Thresholds = Record<string, string>;

const load = (): Thresholds => readStoredRecord(THRESHOLD_STORAGE_KEY);

export function useLowBalanceThresholds() {
  const [thresholds, setAll] = useState<Thresholds>(load);
  const set = useCallback((accountId: string, value: string | null) => {
    setAll((prev) => {
      const next = { ...prev };
      if (value === null || value.trim() === "") delete next[accountId];
      else next[accountId] = value.trim();
      writeStoredRecord(THRESHOLD_STORAGE_KEY, next);
      return next;
    });
  }, []);
  return { thresholds, set };
}

/** Below the threshold (credit counted positive, debt negative)? */
export function isLow(balance: string, threshold: string | undefined): boolean {
  return !!threshold && isAmount(threshold) && compare(balance, threshold) < 0;
}
