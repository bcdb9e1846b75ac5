import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountInventory, LiveInventory } from "../api/queries";
import { account, server } from "../api/mockBackend";
import { ANSWERS_TOGETHER, useAnswersTogether } from "../features/servers/answersTogether";

/** An inventory where the accounts named in `answered` have answered with one server each. */
function inventory(answered: string[], all = ["a", "b", "c"]): LiveInventory {
  const views = all.map((id) => account({ id, name: id, provider: "vultr" }));
  const accounts: AccountInventory[] = views.map((view) => {
    const done = answered.includes(view.id);
    return {
      account: view,
      servers: done ? [server({ account_id: view.id, id: `${view.id}-1`, name: `${view.id}-web` }, views)] : undefined,
      error: null,
      loading: !done,
      fetching: !done,
      updatedAt: done ? 1 : 0,
      stale: false,
      refetch: () => {},
    };
  });
  const servers = accounts.flatMap((a) => a.servers ?? []);
  return { accounts, servers, staleIds: new Set(), lastUpdated: 0 };
}

describe("answers drawn together", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => vi.useRealTimers());

  it("keeps showing what it showed while the rest answer, and shows everything once the last one has", () => {
    const none = inventory([]);
    const { result, rerender } = renderHook(({ live }) => useAnswersTogether(live), { initialProps: { live: none } });
    expect(result.current).toBe(none);

    rerender({ live: inventory(["a"]) });
    expect(result.current).toBe(none);
    act(() => vi.advanceTimersByTime(ANSWERS_TOGETHER.ms / 2));
    rerender({ live: inventory(["a", "b"]) });
    expect(result.current).toBe(none);

    const all = inventory(["a", "b", "c"]);
    rerender({ live: all });
    expect(result.current).toBe(all);
  });

  it("shows the accounts that answered after ANSWERS_TOGETHER.ms when another is still loading", () => {
    const { result, rerender } = renderHook(({ live }) => useAnswersTogether(live), { initialProps: { live: inventory([]) } });
    const some = inventory(["a", "b"]);
    rerender({ live: some });
    act(() => vi.advanceTimersByTime(ANSWERS_TOGETHER.ms - 5));
    expect(result.current.servers).toHaveLength(0);
    act(() => vi.advanceTimersByTime(10));
    expect(result.current).toBe(some);
    expect(result.current.accounts[2].loading).toBe(true);
  });

  it("draws every change at once when no account is loading", () => {
    const first = inventory(["a", "b", "c"]);
    const { result, rerender } = renderHook(({ live }) => useAnswersTogether(live), { initialProps: { live: first } });
    const refetched = { ...first, servers: [...first.servers] };
    rerender({ live: refetched });
    expect(result.current).toBe(refetched);
  });

  it("draws changes at once while nothing new has answered (a new account's rows loading)", () => {
    const { result, rerender } = renderHook(({ live }) => useAnswersTogether(live), {
      initialProps: { live: inventory(["a", "b"]) },
    });
    const refetched = inventory(["a", "b"]);
    rerender({ live: refetched });
    expect(result.current).toBe(refetched);
  });
});
