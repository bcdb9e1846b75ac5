import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Server } from "../api/bindings";
import { demoState, installMockBackend } from "../api/mockBackend";
import {
  applyPendingTransitions,
  FAST_POLL_MS,
  FOLLOWED_ONE_BY_ONE,
  inMotion,
  isStale,
  serverKey,
  serversRefetchInterval,
} from "../api/queries";
import { DEFAULT_REFRESH_MS } from "../lib/refresh";
import { toAppError } from "../api/errors";
import { renderApp } from "./render";
import indexHtml from "../../index.html?raw";

describe("first start", () => {
  it("shows the welcome screen, and Try the demo starts the demo and lists its servers", async () => {
    const backend = installMockBackend();
    const { user } = renderApp();

    expect(await screen.findByTestId("welcome")).toHaveTextContent("Welcome to vpsdesk");
    expect(screen.queryByTestId("servers-table")).toBeNull();

    await user.click(screen.getByTestId("try-demo"));
    expect(backend.callsOf("start_demo")).toHaveLength(1);
    expect(await screen.findByTestId("servers-table")).toBeInTheDocument();
    expect(screen.getByTestId("server-row-demo-vultr-srv-1001")).toBeInTheDocument();
    expect(screen.queryByTestId("welcome")).toBeNull();
    expect(screen.getByTestId("demo-badge")).toBeInTheDocument();
  });

  it("Add an account opens the add-account form", async () => {
    installMockBackend();
    const { user } = renderApp();
    await user.click(await screen.findByTestId("welcome-add-account"));
    expect(await screen.findByTestId("add-account-form")).toBeInTheDocument();
  });
});

describe("app shell", () => {
  it("is drawn by index.html before any script runs, with the navigation the app then shows", async () => {
    // The static frame paints the window at once (docs/bench.md, cold start); it must not show a
    // page the app does not have or miss one it has, or the window would change under the user.
    const html = new DOMParser().parseFromString(indexHtml, "text/html");
    const frame = [...html.querySelectorAll(".boot-nav .boot-link")].map((e) => e.textContent);
    expect(html.querySelector(".boot-title")?.textContent).toBe("vpsdesk");
    // Tauri adds the hash of each inline style or script to the CSP, which then ignores
    // 'unsafe-inline' and blocks Mantine's runtime styles: the page has none of its own.
    expect(html.querySelectorAll("style, script:not([src])")).toHaveLength(0);

    installMockBackend(demoState());
    renderApp();
    await screen.findByTestId("servers-table");
    const nav = [...document.querySelectorAll('[data-testid^="nav-"]')].map((e) => e.querySelector(".mantine-NavLink-label")?.textContent);
    expect(frame).toEqual(nav);
    expect(screen.getByTestId("app-title")).toHaveTextContent("vpsdesk");
  });

  it("warns in red when the keychain is unavailable and in yellow about the store", async () => {
    const state = demoState();
    state.status.keychain = { ok: false, message: "The login keyring is locked. Unlock it, then press Refresh." };
    state.status.store_warning = "accounts.json was unreadable and has been moved to accounts.json.bad.";
    installMockBackend(state);
    renderApp();

    const keychain = await screen.findByTestId("keychain-alert");
    expect(keychain).toHaveTextContent("The login keyring is locked. Unlock it, then press Refresh.");
    expect(screen.getByTestId("store-warning")).toHaveTextContent("accounts.json was unreadable");
  });

  it("navigates between Servers and Accounts", async () => {
    installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    await user.click(screen.getByTestId("nav-accounts"));
    expect(await screen.findByTestId("accounts-table")).toBeInTheDocument();
    expect(screen.queryByTestId("servers-table")).toBeNull();
    await user.click(screen.getByTestId("nav-servers"));
    expect(await screen.findByTestId("servers-table")).toBeInTheDocument();
  });

  it("shows every account's error with its message when listing fails everywhere", async () => {
    const backend = installMockBackend(demoState());
    backend.on("account_servers", () => {
      throw { kind: "store", message: "The account store could not be read. Restart vpsdesk.", fields: [] };
    });
    renderApp();
    expect(await screen.findByTestId("account-error-demo-vultr")).toHaveTextContent(
      "Demo Vultr: The account store could not be read. Restart vpsdesk.",
    );
    expect(screen.getByTestId("account-error-demo-cloudsigma")).toBeInTheDocument();
    expect(screen.getByTestId("servers-empty")).toHaveTextContent("Some accounts could not be listed");
    expect(screen.queryByTestId("servers-loading")).toBeNull();
  });

  it("refetches every account after the refresh button", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    const before = (id: string) => backend.callsOf("account_servers").filter((c) => c.args.account_id === id).length;
    const counts = Object.fromEntries(backend.state.accounts.map((a) => [a.id, before(a.id)]));
    backend.state.servers[0].name = "renamed-elsewhere";
    await user.click(screen.getByTestId("refresh-button"));
    await waitFor(() => {
      for (const a of backend.state.accounts) expect(before(a.id)).toBeGreaterThan(counts[a.id]);
    });
    expect(await screen.findByText("renamed-elsewhere")).toBeInTheDocument();
    expect(backend.callsOf("list_servers")).toHaveLength(0);
  });
});

describe("polling and optimistic status rules", () => {
  const inv = (statuses: Server["status"][]): Server[] =>
    statuses.map((status, i) => ({ ...demoState().servers[0], id: `s${i}`, status }));

  it("lists an account every 2 s only while more of its servers move than are followed one by one, else at the user's interval", () => {
    expect(DEFAULT_REFRESH_MS).toBe(30_000);
    expect(FAST_POLL_MS).toBe(2_000);
    expect(serversRefetchInterval(0, DEFAULT_REFRESH_MS)).toBe(30_000);
    expect(serversRefetchInterval(FOLLOWED_ONE_BY_ONE, 60_000)).toBe(60_000);
    expect(serversRefetchInterval(FOLLOWED_ONE_BY_ONE + 1, 60_000)).toBe(FAST_POLL_MS);
    // Also with background refresh off.
    expect(serversRefetchInterval(FOLLOWED_ONE_BY_ONE + 1, 0)).toBe(FAST_POLL_MS);
    expect(serversRefetchInterval(1, 0)).toBe(false);
  });

  it("counts a server as moving while in transition or while an optimistic status is pending", () => {
    const data = inv(["running", "starting", "stopping", "pending", "stopped", "suspended", "unknown"]);
    expect(inMotion(data, new Map()).map((s) => s.status)).toEqual(["starting", "stopping", "pending"]);
    expect(inMotion(undefined, new Map())).toEqual([]);
    // The provider still says running a moment after the stop was accepted.
    const pending = new Map([[serverKey(data[0]), { from: "running" as const, to: "stopping" as const, until: 1_000 }]]);
    expect(inMotion(data, pending, 500).map((s) => s.id)).toEqual(["s0", "s1", "s2", "s3"]);
    expect(inMotion(data, pending, 1_500).map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
  });

  it("marks an account stale after a failed refetch, or after twice the interval without one", () => {
    const ok = { hasData: true, failed: false, updatedAt: 100_000 };
    expect(isStale(ok, 30_000, 100_000 + 60_000)).toBe(false);
    expect(isStale(ok, 30_000, 100_000 + 60_001)).toBe(true);
    expect(isStale(ok, 0, 100_000 + 3_600_000)).toBe(false); // "Off": never by age
    expect(isStale({ ...ok, failed: true }, 30_000, 100_001)).toBe(true);
    expect(isStale({ hasData: false, failed: true, updatedAt: 0 }, 30_000, 100_001)).toBe(false);
  });

  it("keeps the optimistic status while the provider still reports the old one, within the grace period", () => {
    const data = inv(["running"]);
    const key = serverKey(data[0]);
    const pending = new Map([[key, { from: "running" as const, to: "stopping" as const, until: 1_000 }]]);
    expect(applyPendingTransitions(data, pending, 500)[0].status).toBe("stopping");
    expect(applyPendingTransitions(data, pending, 1_500)[0].status).toBe("running");
    expect(pending.size).toBe(0);

    const moved = new Map([[key, { from: "stopped" as const, to: "starting" as const, until: 1_000 }]]);
    expect(applyPendingTransitions(data, moved, 500)[0].status).toBe("running");
  });

  it("normalises every kind of rejection to an error with a message", () => {
    expect(toAppError({ kind: "auth", message: "Bad key", fields: [] })).toEqual({ kind: "auth", message: "Bad key", fields: [] });
    expect(toAppError("command list_servers not found")).toEqual({ kind: "internal", message: "command list_servers not found", fields: [] });
    expect(toAppError(new Error("boom")).message).toBe("boom");
  });
});
