import { useCallback, useState } from "react";
import { compare, isAmount } from "./money";

/** Per account: warn when the balance falls below this amount (in the account's currency). */
export const THRESHOLD_STORAGE_KEY = "vpsdesk.billing.lowBalance";

type Thresholds = Record<string, string>;

function load(): Thresholds {
  try {
    const v = JSON.parse(localStorage.getItem(THRESHOLD_STORAGE_KEY) ?? "{}");
    return v && typeof v === "object" ? (v as Thresholds) : {};
  } catch {
    return {};
  }
}

export function useLowBalanceThresholds() {
  const [thresholds, setAll] = useState<Thresholds>(load);
  const set = useCallback((accountId: string, value: string | null) => {
    setAll((prev) => {
      const next = { ...prev };
      if (value === null || value.trim() === "") delete next[accountId];
      else next[accountId] = value.trim();
      localStorage.setItem(THRESHOLD_STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return { thresholds, set };
}

/** Below the threshold (credit counted positive, debt negative)? */
export function isLow(balance: string, threshold: string | undefined): boolean {
  return !!threshold && isAmount(threshold) && compare(balance, threshold) < 0;
}
