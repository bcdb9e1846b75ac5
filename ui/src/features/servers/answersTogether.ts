import { useEffect, useReducer, useRef } from "react";
import type { LiveInventory } from "../../api/queries";

/** How long the accounts that answered wait for those still on their first load (mutable so that tests can lengthen it). */
export const ANSWERS_TOGETHER = { ms: 150 };

const stillLoading = (live: LiveInventory) => live.accounts.filter((a) => a.loading).length;

/**
 * The inventory to draw while accounts answer their first load: once one answers and others are
 * still loading, the window goes on showing what it showed for up to ANSWERS_TOGETHER.ms, so that
 * answers coming close together are drawn once. Drawing the first accounts' rows took the page's
 * only thread for about 200 ms (two table renders, layout and paint) while a 10,000-server answer
 * was already waiting behind them, done on the Rust side 13 ms after the others (docs/bench.md,
 * stop 31). A slow account holds the others back ANSWERS_TOGETHER.ms at most; with no account
 * loading, every change is drawn at once.
 */
export function useAnswersTogether(live: LiveInventory): LiveInventory {
  const shown = useRef(live);
  const holding = useRef(false);
  const due = useRef(false);
  const [, wake] = useReducer((n: number) => n + 1, 0);
  const loading = stillLoading(live);
  if (loading === 0 || due.current) {
    shown.current = live;
    holding.current = false;
    due.current = false;
  } else if (!holding.current) {
    if (loading < stillLoading(shown.current)) holding.current = true;
    else shown.current = live;
  }
  const held = holding.current;
  useEffect(() => {
    if (!held) return;
    const timer = window.setTimeout(() => {
      due.current = true;
      wake();
    }, ANSWERS_TOGETHER.ms);
    return () => window.clearTimeout(timer);
  }, [held]);
  return shown.current;
}
