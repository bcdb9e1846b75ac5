import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Capability, Status } from "../api/bindings";
import { account, demoState, installMockBackend, ipcError, server, type MockBackend } from "../api/mockBackend";
import { actionAvailability } from "../lib/actions";
import { FOLLOWED_ONE_BY_ONE, STOP_AND_DELETE } from "../api/queries";
import { renderApp } from "./render";

/** The demo without servers in transition (those are asked for every 2 s, which would add calls). */
function calmDemo() {
  const state = demoState();
  for (const s of state.servers) if (s.status === "starting") s.status = "running";
  return state;
}

function serversCalls(backend: MockBackend, accountId: string): number {
  return backend.callsOf("account_servers").filter((c) => c.args.account_id === accountId).length;
}

function rowsOf(accountId: string): HTMLElement[] {
  return within(screen.getByTestId("servers-table")).queryAllByTestId(new RegExp(`^server-row-${accountId}-`));
}

describe("live inventory: one query per account", () => {
  it("shows a failing account's error with Retry while the others' rows show; Retry refetches only that account", async () => {
    const backend = installMockBackend(calmDemo());
    const { user } = renderApp();

    const error = await screen.findByTestId("account-error-demo-vps247");
    expect(error).toHaveTextContent(/^Demo VPS247: VPS247 did not answer within 10 s\. Check your connection, or try again later\.$/);
    expect(rowsOf("demo-vultr").length).toBeGreaterThan(0);
    expect(rowsOf("demo-cloudsigma").length).toBeGreaterThan(0);
    expect(screen.getByTestId("servers-count")).toHaveTextContent("8 servers across 4 accounts");

    const before = Object.fromEntries(backend.state.accounts.map((a) => [a.id, serversCalls(backend, a.id)]));
    expect(before["demo-vps247"]).toBe(1);
    // The provider answers now.
    backend.state.errors = [];
    backend.state.servers.push({ ...backend.state.servers[0], account_id: "demo-vps247", account: "Demo VPS247", provider: "vps247", id: "v-1", name: "eu-box" });

    await user.click(screen.getByTestId("account-retry-demo-vps247"));
    expect(await screen.findByTestId("server-row-demo-vps247-v-1")).toHaveTextContent("eu-box");
    expect(screen.queryByTestId("account-error-demo-vps247")).toBeNull();
    expect(screen.queryByTestId("account-retry-demo-vps247")).toBeNull();
    for (const a of backend.state.accounts) {
      expect(serversCalls(backend, a.id), a.id).toBe(before[a.id] + (a.id === "demo-vps247" ? 1 : 0));
    }
    expect(backend.callsOf("list_servers")).toHaveLength(0);
  });

  it("does not let a slow account hide the others' rows", async () => {
    const backend = installMockBackend(calmDemo());
    backend.on("account_servers", (args, _b, next) =>
      args.account_id === "demo-vpsnet" ? new Promise(() => {}) : next(),
    );
    renderApp();

    expect(await screen.findByTestId("server-row-demo-vultr-srv-1001")).toHaveTextContent("web-1");
    expect(screen.getByTestId("server-row-demo-cloudsigma-srv-1003")).toHaveTextContent("db-main");
    expect(rowsOf("demo-vpsnet")).toHaveLength(0);
    expect(screen.getByTestId("account-loading-demo-vpsnet")).toHaveTextContent("Loading Demo VPS.NET…");
    expect(screen.queryByTestId("account-loading-demo-vultr")).toBeNull();
    expect(screen.queryByTestId("servers-loading")).toBeNull();
    // The failing account is reported meanwhile too.
    expect(screen.getByTestId("account-error-demo-vps247")).toBeInTheDocument();
  });

  it("marks an account stale when a refetch fails after a success, and clears it after a good one", async () => {
    const backend = installMockBackend(calmDemo());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    expect(screen.queryByTestId("stale-demo-vultr")).toBeNull();
    expect(screen.getByTestId("server-row-demo-vultr-srv-1001")).not.toHaveAttribute("data-stale");
    expect(screen.getByTestId("last-refreshed")).toHaveTextContent(/^Updated /);

    let failing = true;
    backend.on("account_servers", (args, _b, next) => {
      if (args.account_id === "demo-vultr" && failing) throw ipcError("rate_limited", "Vultr is rate limiting requests. Wait a minute.");
      return next();
    });
    await user.click(screen.getByTestId("refresh-button"));

    const badge = await screen.findByTestId("stale-demo-vultr");
    expect(badge).toHaveTextContent("Demo Vultr: stale");
    expect(badge).toHaveTextContent(/Last updated .*The latest refresh failed: Vultr is rate limiting requests/);
    // The old rows stay, dimmed; other accounts are not stale.
    const row = screen.getByTestId("server-row-demo-vultr-srv-1001");
    expect(row).toHaveAttribute("data-stale", "true");
    expect(row).toHaveClass("row-stale");
    expect(screen.getByTestId("server-row-demo-cloudsigma-srv-1003")).not.toHaveAttribute("data-stale");
    expect(screen.queryByTestId("stale-demo-cloudsigma")).toBeNull();
    expect(screen.getByTestId("account-error-demo-vultr")).toHaveTextContent("Demo Vultr: Vultr is rate limiting requests. Wait a minute.");

    failing = false;
    await user.click(screen.getByTestId("account-retry-demo-vultr"));
    await waitFor(() => expect(screen.queryByTestId("stale-demo-vultr")).toBeNull());
    expect(screen.getByTestId("server-row-demo-vultr-srv-1001")).not.toHaveAttribute("data-stale");
  });

  it("offers the refresh intervals, 30 s by default, and remembers the choice", async () => {
    const backend = installMockBackend(calmDemo());
    const { user, unmount } = renderApp();
    await screen.findByTestId("servers-table");
    const select = screen.getByTestId("refresh-interval") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["Off", "15 s", "30 s", "1 min", "5 min"]);
    expect(select.selectedOptions[0].textContent).toBe("30 s");

    await user.selectOptions(select, "1 min");
    await waitFor(() => expect(backend.state.preferences.refresh_interval_ms).toBe(60000));
    unmount();
    renderApp();
    await screen.findByTestId("servers-table");
    expect((screen.getByTestId("refresh-interval") as HTMLSelectElement).selectedOptions[0].textContent).toBe("1 min");
  });
});

describe("stop and delete", () => {
  const timing = { ...STOP_AND_DELETE };
  afterEach(() => Object.assign(STOP_AND_DELETE, timing));

  /** get_server answers these statuses in turn (the last one repeats), and the backend's state follows. */
  function statusSequence(backend: MockBackend, serverId: string, statuses: Status[]) {
    const answered: Status[] = [];
    backend.on("get_server", (args, b, next) => {
      if (args.server_id === serverId) {
        const status = statuses[Math.min(answered.length, statuses.length - 1)];
        answered.push(status);
        b.state.servers.find((s) => s.id === serverId)!.status = status;
      }
      return next();
    });
    return answered;
  }

  /** Demo VPS247 answering, with VPS247's real capabilities (no rename, delete only when halted) and one running server. */
  function vps247Demo() {
    const state = calmDemo();
    state.errors = [];
    const acc = state.accounts.find((a) => a.id === "demo-vps247")!;
    acc.capabilities = ["servers.start", "servers.stop", "servers.force_stop", "servers.reboot", "servers.create", "servers.delete"];
    state.servers.push({ ...state.servers[0], account_id: "demo-vps247", account: "Demo VPS247", provider: "vps247", id: "v-1", name: "eu-box", plan: "" });
    return state;
  }

  async function openDelete(user: ReturnType<typeof renderApp>["user"], key: string, name: string) {
    await screen.findByTestId("servers-table");
    await user.click(screen.getByTestId(`action-delete-${key}`));
    await user.type(await screen.findByTestId("delete-confirm-input"), name);
  }

  it("force-stops a running server, waits until it is stopped, then deletes it", async () => {
    STOP_AND_DELETE.pollMs = 30;
    const backend = installMockBackend(vps247Demo());
    const answered = statusSequence(backend, "v-1", ["running", "stopping", "stopping", "stopped"]);
    let accept: (v: null) => void = () => {};
    backend.on("server_action", () => new Promise<null>((r) => (accept = r)));
    const { user } = renderApp();
    await openDelete(user, "demo-vps247-v-1", "eu-box");

    expect(screen.getByTestId("delete-stop-notice")).toHaveTextContent("VPS247 deletes only stopped servers, and eu-box is running");
    expect(screen.getByTestId("delete-stop-notice")).toHaveTextContent("force-stops it");
    const button = screen.getByTestId("delete-confirm-button");
    expect(button).toHaveTextContent("Stop and delete");
    await user.click(button);

    expect(await screen.findByTestId("delete-progress")).toHaveTextContent("Force-stopping eu-box…");
    expect(backend.callsOf("server_action").map((c) => c.args)).toEqual([
      { account_id: "demo-vps247", server_id: "v-1", action: "force_stop" },
    ]);
    expect(backend.callsOf("delete_server")).toHaveLength(0);

    await act(async () => accept(null));
    await waitFor(() => expect(screen.queryByTestId("delete-confirm-button")).toBeNull());
    await waitFor(() => expect(screen.queryByTestId("server-row-demo-vps247-v-1")).toBeNull());

    expect(answered).toEqual(["running", "stopping", "stopping", "stopped"]);
    // The delete was sent once, after the last status check (which said "stopped").
    const cmds = backend.calls.map((c) => c.cmd);
    expect(backend.callsOf("delete_server").map((c) => c.args)).toEqual([{ account_id: "demo-vps247", server_id: "v-1" }]);
    expect(cmds.lastIndexOf("get_server")).toBeLessThan(cmds.indexOf("delete_server"));
    expect(cmds.indexOf("server_action")).toBeLessThan(cmds.indexOf("delete_server"));
    expect(await screen.findByText("Server deleted")).toBeInTheDocument();
  });

  it("sends a plain stop where the account has no force stop", async () => {
    STOP_AND_DELETE.pollMs = 20;
    const backend = installMockBackend(calmDemo());
    statusSequence(backend, "srv-1002", ["running", "stopped"]);
    const { user } = renderApp();
    await openDelete(user, "demo-vpsnet-srv-1002", "web-2");
    expect(screen.getByTestId("delete-stop-notice")).toHaveTextContent("shuts it down");
    await user.click(screen.getByTestId("delete-confirm-button"));
    await waitFor(() => expect(backend.callsOf("delete_server")).toHaveLength(1));
    expect(backend.callsOf("server_action").map((c) => c.args.action)).toEqual(["stop"]);
  });

  it("gives up without deleting when the server does not stop in time", async () => {
    STOP_AND_DELETE.pollMs = 20;
    STOP_AND_DELETE.timeoutMs = 1_000;
    const backend = installMockBackend(calmDemo());
    statusSequence(backend, "srv-1001", ["running", "stopping"]);
    const { user } = renderApp();
    await openDelete(user, "demo-vultr-srv-1001", "web-1");
    await user.click(screen.getByTestId("delete-confirm-button"));

    // The flow gives up after 1 s of polling: wait longer than testing-library's default 1 s.
    expect(await screen.findByTestId("delete-error", {}, { timeout: 5_000 })).toHaveTextContent(/web-1 did not stop within 1 second \(it is stopping\), so it was not deleted/);
    expect(backend.callsOf("delete_server")).toHaveLength(0);
    expect(screen.getByTestId("delete-confirm-button")).toBeEnabled();
  });

  it("shows the provider's error when the stop is refused, and does not delete", async () => {
    const backend = installMockBackend(calmDemo());
    backend.on("server_action", () => {
      throw ipcError("invalid_state", "The server is locked by a running backup. Try again in a few minutes.");
    });
    const { user } = renderApp();
    await openDelete(user, "demo-vultr-srv-1001", "web-1");
    await user.click(screen.getByTestId("delete-confirm-button"));
    expect(await screen.findByTestId("delete-error")).toHaveTextContent("The server is locked by a running backup.");
    expect(backend.callsOf("delete_server")).toHaveLength(0);
  });

  it("enables Delete on a running server when the account can delete it or stop it first", () => {
    const running = (a: ReturnType<typeof account>) => server({ id: "s", name: "s", account_id: a.id, status: "running" }, [a]);
    const delete247 = (capabilities: Capability[]) => {
      const a = account({ id: "a", name: "A", provider: "vps247", capabilities });
      return actionAvailability("delete", running(a), a, "VPS247");
    };
    expect(delete247(["servers.delete", "servers.delete_running"]).enabled).toBe(true);
    expect(delete247(["servers.delete", "servers.force_stop"]).enabled).toBe(true);
    expect(delete247(["servers.delete", "servers.stop"]).enabled).toBe(true);
    const blocked = delete247(["servers.delete"]);
    expect(blocked.enabled).toBe(false);
    expect(blocked.reason).toBe("Stop the server first: VPS247 cannot delete a server that is running");
  });

  it("deletes a stopped server directly, with a plain Delete", async () => {
    const backend = installMockBackend(calmDemo());
    const { user } = renderApp();
    await openDelete(user, "demo-cloudsigma-srv-1003", "db-main");
    expect(screen.queryByTestId("delete-stop-notice")).toBeNull();
    expect(screen.getByTestId("delete-confirm-button")).toHaveTextContent(/^Delete$/);
    await user.click(screen.getByTestId("delete-confirm-button"));
    await waitFor(() => expect(backend.callsOf("delete_server")).toHaveLength(1));
    expect(backend.callsOf("server_action")).toHaveLength(0);
    expect(backend.callsOf("get_server")).toHaveLength(0);
  });
});

describe("plan names", () => {
  it("shows the catalog's plan name with the id in the title, the id where the catalog lacks it, without waiting for it", async () => {
    const state = calmDemo();
    state.servers.find((s) => s.id === "srv-1001")!.plan = "28";
    state.servers.find((s) => s.id === "srv-1004")!.plan = "99";
    const backend = installMockBackend(state);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    backend.on("catalog_plans", async (args, _b, next) => {
      if (args.account_id !== "demo-vultr") return next();
      await gate;
      return [{ id: "28", name: "2 GB · 1 vCPU", vcpus: 1, memory_mb: 2048, disk_gb: 50, bandwidth_tb: null, price_monthly: "$10.00" }];
    });
    renderApp();

    // The table does not wait for the catalog: the id shows first.
    const planCell = () => screen.getByTestId("server-row-demo-vultr-srv-1001").querySelector(".cell-plan")!;
    await waitFor(() => expect(planCell()).toHaveTextContent(/^28$/));
    await waitFor(() => expect(backend.callsOf("catalog_plans").some((c) => c.args.account_id === "demo-vultr")).toBe(true));
    expect(backend.callsOf("catalog_plans").find((c) => c.args.account_id === "demo-vultr")!.args).toEqual({
      account_id: "demo-vultr",
      region: null,
    });

    await act(async () => release());
    await waitFor(() => expect(planCell()).toHaveTextContent(/^2 GB · 1 vCPU$/));
    expect(planCell().querySelector("[title]")).toHaveAttribute("title", "2 GB · 1 vCPU (plan ID 28)");
    // Unknown to the catalog: the id, as before.
    expect(screen.getByTestId("server-row-demo-vultr-srv-1004").querySelector(".cell-plan")).toHaveTextContent(/^99$/);
    // Freely sized providers have no plan catalog to ask.
    expect(backend.callsOf("catalog_plans").some((c) => c.args.account_id === "demo-cloudsigma")).toBe(false);
  });

  it("sorts by the plan names once the catalog has come, not by the ids", async () => {
    const state = calmDemo();
    state.servers.find((s) => s.id === "srv-1001")!.plan = "28";
    const backend = installMockBackend(state);
    backend.on("catalog_plans", async (args, _b, next) => {
      if (args.account_id !== "demo-vultr") return next();
      return [{ id: "28", name: "zz top plan", vcpus: 1, memory_mb: 2048, disk_gb: 50, bandwidth_tb: null, price_monthly: "$10.00" }];
    });
    const { user } = renderApp();
    const planCell = () => screen.getByTestId("server-row-demo-vultr-srv-1001").querySelector(".cell-plan")!;
    await waitFor(() => expect(planCell()).toHaveTextContent(/^zz top plan$/));

    await user.click(screen.getByTestId("sort-plan"));
    const rows = within(screen.getByTestId("servers-table")).getAllByTestId(/^server-row-/);
    // By its id ("28") it would come first; by its name it comes last.
    expect(rows.at(-1)).toHaveAttribute("data-testid", "server-row-demo-vultr-srv-1001");
  });
});

describe("servers in motion", () => {
  const asked = (backend: MockBackend, id: string) => backend.callsOf("get_server").filter((c) => c.args.server_id === id).length;
  const pause = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

  it("follows a moving server alone every 2 s, and lists its account again once it has arrived", async () => {
    const backend = installMockBackend(demoState());
    renderApp();
    // worker-1 of the VPS.NET account is starting.
    const row = await screen.findByTestId("server-row-demo-vpsnet-srv-1005");
    const status = () => row.querySelector(".status-badge")?.getAttribute("data-status");
    expect(status()).toBe("starting");
    const listed = serversCalls(backend, "demo-vpsnet");

    await waitFor(() => expect(asked(backend, "srv-1005")).toBeGreaterThanOrEqual(2), { timeout: 6_000 });
    // Asked for alone, while its account of many is not listed again.
    expect(serversCalls(backend, "demo-vpsnet")).toBe(listed);
    expect(backend.callsOf("get_server").every((c) => c.args.server_id === "srv-1005")).toBe(true);

    backend.state.servers.find((s) => s.id === "srv-1005")!.status = "running";
    await waitFor(() => expect(status()).toBe("running"), { timeout: 4_000 });
    await waitFor(() => expect(serversCalls(backend, "demo-vpsnet")).toBe(listed + 1));
    // Arrived: nobody asks for it any more.
    const after = asked(backend, "srv-1005");
    await pause(2_500);
    expect(asked(backend, "srv-1005")).toBe(after);
  });

  it("lists its account at the refresh interval all the same, so a long install does not leave the account stale", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const backend = installMockBackend(demoState());
      backend.state.preferences.refresh_interval_ms = 15_000;
      renderApp();
      await screen.findByTestId("server-row-demo-vpsnet-srv-1005");
      const listed = serversCalls(backend, "demo-vpsnet");

      // Past twice the interval, with worker-1 starting all along (followed every 2 s).
      await act(() => vi.advanceTimersByTimeAsync(31_000));
      expect(asked(backend, "srv-1005")).toBeGreaterThanOrEqual(10);
      expect(serversCalls(backend, "demo-vpsnet")).toBeGreaterThanOrEqual(listed + 2);
      expect(screen.getByTestId("server-row-demo-vpsnet-srv-1005")).not.toHaveAttribute("data-stale");
      expect(screen.queryByTestId("stale-demo-vpsnet")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("lists the whole account again when the server followed is gone", async () => {
    const backend = installMockBackend(demoState());
    renderApp();
    await screen.findByTestId("server-row-demo-vpsnet-srv-1005");
    const listed = serversCalls(backend, "demo-vpsnet");
    backend.state.servers = backend.state.servers.filter((s) => s.id !== "srv-1005");
    await waitFor(() => expect(screen.queryByTestId("server-row-demo-vpsnet-srv-1005")).toBeNull(), { timeout: 4_000 });
    expect(asked(backend, "srv-1005")).toBe(1);
    expect(serversCalls(backend, "demo-vpsnet")).toBe(listed + 1);
  });

  it("lists the account every 2 s instead when more of its servers move than are followed one by one", async () => {
    const state = calmDemo();
    for (let i = 0; i < FOLLOWED_ONE_BY_ONE + 1; i++) {
      state.servers.push({ ...state.servers[0], id: `boot-${i}`, name: `boot-${i}`, status: "starting" });
    }
    const backend = installMockBackend(state);
    renderApp();
    await screen.findByTestId("server-row-demo-vultr-boot-0");
    const listed = serversCalls(backend, "demo-vultr");
    await waitFor(() => expect(serversCalls(backend, "demo-vultr")).toBeGreaterThan(listed), { timeout: 4_000 });
    expect(backend.callsOf("get_server")).toHaveLength(0);
  });
});
