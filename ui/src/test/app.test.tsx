import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Inventory, Server } from "../api/bindings";
import { demoState, installMockBackend } from "../api/mockBackend";
import {
  applyPendingTransitions,
  FAST_POLL_MS,
  inventoryRefetchInterval,
  serverKey,
  SLOW_POLL_MS,
} from "../api/queries";
import { toAppError } from "../api/errors";
import { renderApp } from "./render";

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

  it("shows the inventory error with its message when listing fails altogether", async () => {
    const backend = installMockBackend(demoState());
    backend.on("list_servers", () => {
      throw { kind: "store", message: "The account store could not be read. Restart vpsdesk.", fields: [] };
    });
    renderApp();
    expect(await screen.findByText("The account store could not be read. Restart vpsdesk.")).toBeInTheDocument();
  });

  it("refetches after the refresh button", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    const before = backend.callsOf("list_servers").length;
    backend.state.servers[0].name = "renamed-elsewhere";
    await user.click(screen.getByTestId("refresh-button"));
    await waitFor(() => expect(backend.callsOf("list_servers").length).toBeGreaterThan(before));
    expect(await screen.findByText("renamed-elsewhere")).toBeInTheDocument();
  });
});

describe("polling and optimistic status rules", () => {
  const inv = (statuses: Server["status"][]): Inventory => ({
    servers: statuses.map((status, i) => ({ ...demoState().servers[0], id: `s${i}`, status })),
    errors: [],
  });

  it("polls every 2 s while a server is in transition, every 30 s otherwise", () => {
    expect(inventoryRefetchInterval(inv(["running", "stopped"]))).toBe(SLOW_POLL_MS);
    expect(SLOW_POLL_MS).toBe(30_000);
    for (const s of ["starting", "stopping", "pending"] as const) {
      expect(inventoryRefetchInterval(inv(["running", s]))).toBe(FAST_POLL_MS);
    }
    expect(FAST_POLL_MS).toBe(2_000);
    expect(inventoryRefetchInterval(undefined)).toBe(SLOW_POLL_MS);
  });

  it("keeps the optimistic status while the provider still reports the old one, within the grace period", () => {
    const data = inv(["running"]);
    const key = serverKey(data.servers[0]);
    const pending = new Map([[key, { from: "running" as const, to: "stopping" as const, until: 1_000 }]]);
    expect(applyPendingTransitions(data, pending, 500).servers[0].status).toBe("stopping");
    expect(applyPendingTransitions(data, pending, 1_500).servers[0].status).toBe("running");
    expect(pending.size).toBe(0);

    const moved = new Map([[key, { from: "stopped" as const, to: "starting" as const, until: 1_000 }]]);
    expect(applyPendingTransitions(data, moved, 500).servers[0].status).toBe("running");
  });

  it("normalises every kind of rejection to an error with a message", () => {
    expect(toAppError({ kind: "auth", message: "Bad key", fields: [] })).toEqual({ kind: "auth", message: "Bad key", fields: [] });
    expect(toAppError("command list_servers not found")).toEqual({ kind: "internal", message: "command list_servers not found", fields: [] });
    expect(toAppError(new Error("boom")).message).toBe("boom");
  });
});
