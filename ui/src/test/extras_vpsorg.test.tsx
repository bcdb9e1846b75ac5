import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ServerSettings } from "../api/bindings";
import { demoState, grant, installMockBackend, ipcError } from "../api/mockBackend";
import { visibleTabs } from "../features/servers/tabs/ServerTabs";
import { renderApp, retype } from "./render";

/** The server settings tab is the UI of VPS.org's full update; the tabs only look at the account's capabilities. */
function withSettings() {
  const backend = installMockBackend(demoState());
  let stored: ServerSettings = { name: "web-2", hostname: "web02.example.com", backups_enabled: true };
  grant(backend.state, "demo-vpsnet", ["network.ips", "server.settings"]);
  backend.on("list_jobs", () => []);
  backend.on("server_addresses", () => [
    { ip: "203.0.113.3", version: 4, role: "main", provider_role: "ip_address", netmask: null, gateway: null, network: null, network_size: null, reverse: null },
  ]);
  backend.on("server_settings", () => structuredClone(stored));
  backend.on("update_server_settings", (args) => {
    const s = args.settings as ServerSettings;
    if (!s.hostname.includes(".")) {
      throw ipcError("validation", "hostname: use a fully qualified name", [{ field: "hostname", message: "use a fully qualified name with a domain" }]);
    }
    stored = s;
    return structuredClone(s);
  });
  return backend;
}

describe("server settings (full update)", () => {
  it("shows the Settings and Network tabs only where the provider offers them", async () => {
    withSettings();
    const { user } = renderApp();
    await user.click(await screen.findByTestId("server-row-demo-vpsnet-srv-1002"));
    const drawer = await screen.findByTestId("detail-drawer");
    expect(await within(drawer).findByTestId("detail-tab-settings")).toBeInTheDocument();
    expect(within(drawer).getByTestId("detail-tab-network")).toBeInTheDocument();
    expect(within(drawer).queryByTestId("detail-tab-snapshots")).toBeNull();
    expect(visibleTabs(["network.ips"])).toEqual(["network"]);
    expect(visibleTabs(["server.settings"])).toEqual(["settings"]);
  });

  it("lists addresses without a reverse-DNS column or actions where the provider has neither", async () => {
    withSettings();
    const { user } = renderApp();
    await user.click(await screen.findByTestId("server-row-demo-vpsnet-srv-1002"));
    await user.click(await screen.findByTestId("detail-tab-network"));
    const table = await screen.findByTestId("network-addresses");
    expect(within(table).getByText("203.0.113.3")).toBeInTheDocument();
    expect(within(table).queryByText("Reverse DNS")).toBeNull();
    expect(within(table).queryByRole("columnheader", { name: "Actions" })).toBeNull();
    expect(screen.queryByTestId("ip-add")).toBeNull();
  });

  it("sends all three settings, shows a field error in place, then saves", async () => {
    const backend = withSettings();
    const { user } = renderApp();
    await user.click(await screen.findByTestId("server-row-demo-vpsnet-srv-1002"));
    await user.click(await screen.findByTestId("detail-tab-settings"));
    const hostname = await screen.findByTestId("settings-hostname");
    expect(hostname).toHaveValue("web02.example.com");
    expect(screen.getByTestId("settings-save")).toBeDisabled();

    await retype(user, hostname, "web02");
    await user.click(screen.getByTestId("settings-save"));
    expect(await screen.findByText("use a fully qualified name with a domain")).toBeInTheDocument();

    await retype(user, hostname, "www.example.com");
    await user.click(screen.getByTestId("settings-backups"));
    await user.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(backend.callsOf("update_server_settings")).toHaveLength(2));
    expect(backend.callsOf("update_server_settings")[1].args).toEqual({
      account_id: "demo-vpsnet",
      server_id: "srv-1002",
      settings: { name: "web-2", hostname: "www.example.com", backups_enabled: false },
    });
    await waitFor(() => expect(screen.getByTestId("settings-save")).toBeDisabled());
  });
});
