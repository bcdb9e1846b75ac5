import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { demoState, installMockBackend } from "../api/mockBackend";
import { renderApp } from "./render";

// Counts how often each row's action buttons render, by server id.
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock("../features/servers/ServerActions", async (importOriginal) => {
  const real = await importOriginal<typeof import("../features/servers/ServerActions")>();
  return {
    ...real,
    ServerActions: (props: Parameters<typeof real.ServerActions>[0]) => {
      if (!props.testIdPrefix) renders.set(props.server.id, (renders.get(props.server.id) ?? 0) + 1);
      return real.ServerActions(props);
    },
  };
});

describe("servers table under background refetches", () => {
  it("renders again only the row whose server changed, not every row on every refetch", async () => {
    const state = demoState();
    // No server in transition: no 2 s polling between the refreshes below.
    for (const s of state.servers) if (s.status === "starting") s.status = "running";
    const backend = installMockBackend(state);
    const { user } = renderApp();
    await screen.findByText(/^8 servers across/);
    await waitFor(() => expect(screen.getByTestId("refresh-button")).not.toHaveAttribute("data-loading"));
    const settled = new Map(renders);
    expect(settled.size).toBe(8);

    // Every account answers again with the same servers: no row renders again.
    const calls = backend.callsOf("account_servers").length;
    await user.click(screen.getByTestId("refresh-button"));
    await waitFor(() => expect(backend.callsOf("account_servers").length).toBeGreaterThanOrEqual(calls + 4));
    await waitFor(() => expect(screen.getByTestId("refresh-button")).not.toHaveAttribute("data-loading"));
    expect(renders).toEqual(settled);

    // One server stops: its row shows it, and it is the only row rendered again.
    backend.state.servers.find((s) => s.id === "srv-1001")!.status = "stopped";
    await user.click(screen.getByTestId("refresh-button"));
    expect(await screen.findByTestId("status-demo-vultr-srv-1001")).toHaveTextContent(/stopped/i);
    for (const [id, n] of renders) {
      if (id === "srv-1001") expect(n).toBeGreaterThan(settled.get(id)!);
      else expect(n, id).toBe(settled.get(id));
    }
  });
});
