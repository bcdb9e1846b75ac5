import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Balance, Job, Notice } from "../api/bindings";
import { demoState, grant, installMockBackend } from "../api/mockBackend";
import { DEFAULT_PREFERENCES } from "../api/preferences";
import { runningJob } from "./jobs";
import { renderApp } from "./render";

const notices = (backend: ReturnType<typeof installMockBackend>) => backend.callsOf("notify").map((c) => c.args.notice as Notice);

describe("desktop notifications", () => {
  it("tells the desktop about a server that stopped by itself, not about one the user stopped", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("action-stop-demo-vpsnet-srv-1002");

    await user.click(screen.getByTestId("action-stop-demo-vpsnet-srv-1002"));
    await waitFor(() => expect(backend.callsOf("server_action")).toHaveLength(1));
    backend.state.servers.find((s) => s.id === "srv-1001")!.status = "stopped";
    await user.click(screen.getByTestId("refresh-button"));

    await waitFor(() => expect(notices(backend)).toHaveLength(1));
    expect(notices(backend)[0]).toMatchObject({ kind: "server_changed", from: "running", server: { id: "srv-1001", status: "stopped" } });
    await user.click(screen.getByTestId("refresh-button"));
    await waitFor(() => expect(backend.state.servers.find((s) => s.id === "srv-1002")!.status).toBe("stopped"));
    expect(notices(backend)).toHaveLength(1);

    await user.click(screen.getByTestId("notices-button"));
    const list = await screen.findByTestId("notices-list");
    expect(await within(list).findByText("web-1 is stopped")).toBeInTheDocument();
  });

  it("tells the desktop when a tracked job ends", async () => {
    const backend = installMockBackend(demoState());
    let jobs: Job[] = [runningJob({ provider: "vultr", label: "Vultr", kind: "snapshot_create", title: "Snapshot of web-1", server_id: "srv-1001", target_id: null }, {})];
    backend.on("list_jobs", () => structuredClone(jobs));
    renderApp();
    await screen.findByTestId("servers-table");
    await waitFor(() => expect(backend.callsOf("list_jobs").length).toBeGreaterThan(0));

    jobs = [{ ...jobs[0], state: "succeeded", stage: "Snapshot complete" }];
    await waitFor(() => expect(notices(backend)).toEqual([{ kind: "job_ended", job_id: "job-1" }]), { timeout: 5000 });
  });

  it("tells a balance going under its warning level once", async () => {
    const state = demoState();
    state.preferences = { ...state.preferences, low_balance: { "demo-vultr": "10" } };
    const backend = installMockBackend(state);
    grant(backend.state, "demo-vultr", ["billing.balance"]);
    let amount = "20";
    backend.on("billing_balance", (args) => ({
      account: "Demo Vultr", account_id: String(args.account_id), provider: "vultr", balance: amount, currency: "USD", meaning: "credit",
      summary: `${amount} USD credit`, provider_balance: amount, pending_charges: null, credits: null, last_payment_date: null, last_payment_amount: null,
    }) satisfies Balance);
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    await waitFor(() => expect(backend.callsOf("billing_balance")).toHaveLength(1));
    // Only the account with a warning level is asked.
    expect(backend.callsOf("billing_balance")[0].args.account_id).toBe("demo-vultr");

    for (const next of ["5", "4"]) {
      amount = next;
      const before = backend.callsOf("billing_balance").length;
      await user.click(screen.getByTestId("refresh-button"));
      await waitFor(() => expect(backend.callsOf("billing_balance").length).toBeGreaterThan(before));
    }
    await waitFor(() => expect(notices(backend)).toHaveLength(1));
    expect(notices(backend)[0]).toMatchObject({ kind: "low_balance", threshold: "10", balance: { balance: "5" } });
  });

  it("keeps each switch in the preferences", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    await user.click(screen.getByTestId("preferences-button"));
    const jobEnd = await screen.findByTestId("preference-notify-job_end");
    expect(jobEnd).toBeChecked();
    await user.click(jobEnd);
    await waitFor(() => expect(backend.state.preferences.notifications).toEqual({ ...DEFAULT_PREFERENCES.notifications, job_end: false }));
  });
});

describe("Open SSH", () => {
  it("opens the terminal from a server's menu as the user of the preferences", async () => {
    const state = demoState();
    state.preferences = { ...state.preferences, ssh_user: "deploy" };
    const backend = installMockBackend(state);
    const { user } = renderApp();
    // Once the row has its account (its menu knows what the provider can do).
    await waitFor(() => expect(screen.getByTestId("action-stop-demo-vultr-srv-1001")).not.toHaveAttribute("aria-disabled"));
    await user.click(screen.getByTestId("action-more-demo-vultr-srv-1001"));
    await user.click(await screen.findByTestId("action-ssh-demo-vultr-srv-1001"));
    await waitFor(() => expect(backend.callsOf("open_ssh")).toHaveLength(1));
    expect(backend.callsOf("open_ssh")[0].args).toEqual({ account_id: "demo-vultr", server_id: "srv-1001", user: "deploy" });
  });

  it("is disabled with the reason for a server without an address, and offered by the palette otherwise", async () => {
    const state = demoState();
    state.servers.find((s) => s.id === "srv-1001")!.ipv4 = [];
    state.servers.find((s) => s.id === "srv-1001")!.ipv6 = [];
    const backend = installMockBackend(state);
    const { user } = renderApp();
    // Once the row has its account (its menu knows what the provider can do).
    await waitFor(() => expect(screen.getByTestId("action-stop-demo-vultr-srv-1001")).not.toHaveAttribute("aria-disabled"));
    await user.click(screen.getByTestId("action-more-demo-vultr-srv-1001"));
    const item = await screen.findByTestId("action-ssh-demo-vultr-srv-1001");
    expect(item).toBeDisabled();
    expect(item).toHaveTextContent("The server has no IP address to connect to.");

    await user.keyboard("{Escape}");
    await user.click(screen.getByTestId("palette-open"));
    await user.type(await screen.findByPlaceholderText(/Find a server/), "ssh");
    expect(screen.queryByTestId("palette-server-ssh-demo-vultr-srv-1001")).toBeNull();
    await user.click(await screen.findByTestId("palette-server-ssh-demo-vpsnet-srv-1002"));
    await waitFor(() => expect(backend.callsOf("open_ssh")).toHaveLength(1));
    expect(backend.callsOf("open_ssh")[0].args).toEqual({ account_id: "demo-vpsnet", server_id: "srv-1002", user: "root" });
  });
});
