import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoState, installMockBackend } from "../api/mockBackend";
import { renderApp } from "./render";

describe("command palette", () => {
  it("opens with Ctrl+K, finds a server and reboots it from the keyboard", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await user.keyboard("{Control>}k{/Control}");
    const search = await screen.findByPlaceholderText(/Find a server, invoice, ticket, zone or page/);
    await user.type(search, "reboot web-1");
    expect(await screen.findByTestId("palette-server-reboot-demo-vultr-srv-1001")).toBeInTheDocument();
    // A stopped server offers no reboot.
    expect(screen.queryByTestId("palette-server-reboot-demo-cloudsigma-srv-1003")).toBeNull();
    await user.keyboard("{ArrowDown}{Enter}");

    await waitFor(() => expect(backend.callsOf("server_action")).toHaveLength(1));
    expect(backend.callsOf("server_action")[0].args).toMatchObject({ account_id: "demo-vultr", server_id: "srv-1001", action: "reboot" });
    await waitFor(() => expect(screen.queryByPlaceholderText(/Find a server/)).toBeNull());
  });

  it("opens a server's details", async () => {
    installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await user.click(screen.getByTestId("palette-open"));
    await user.type(await screen.findByPlaceholderText(/Find a server/), "db-main");
    await user.click(await screen.findByTestId("palette-server-open-demo-cloudsigma-srv-1003"));
    const drawer = await screen.findByTestId("detail-drawer");
    expect(within(drawer).getAllByText("db-main").length).toBeGreaterThan(0);
  });
});
