import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoState, installMockBackend, ipcError } from "../api/mockBackend";
import { renderApp, retype } from "./render";
import { filterServers, type ServerFilters } from "../pages/ServersPage";
import { readingLocale } from "../features/servers/rowOrder";

function rowNames(): string[] {
  const table = screen.getByTestId("servers-table");
  return within(table)
    .getAllByTestId(/^server-row-/)
    .map((row) => row.querySelector("td")!.textContent ?? "");
}

async function chooseOption(user: ReturnType<typeof renderApp>["user"], testId: string, option: string) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole("option", { name: option }));
}

describe("search over servers", () => {
  const all = () => demoState().servers;
  const names = (q: string, servers = all()) => filterServers(servers, { account: null, provider: null, status: null, search: q }).map((s) => s.name);

  it("finds a name, an id or an address whatever the case, and never across two fields", () => {
    expect(names("  WEB-  ")).toEqual(["web-1", "web-2"]);
    expect(names("SRV-1008")).toEqual(["vpn"]);
    expect(names("2001:DB8::1")).toEqual(names("2001:db8::1"));
    expect(names("2001:db8::1").length).toBeGreaterThan(0);
    // "web-1" then "srv-1001": the end of one field and the start of the next are not one text.
    expect(names("1srv")).toEqual([]);
    expect(names("")).toHaveLength(all().length);
  });

  it("lists each server once, in the list's order, never matching across two servers", () => {
    const servers = all();
    // "1" is in most names, ids and addresses: each server shows once, where the list has it.
    expect(names("1")).toEqual(servers.filter((s) => [s.name, s.id, ...s.ipv4, ...s.ipv6].join(" ").includes("1")).map((s) => s.name));
    // The end of one server's last field and the start of the next server's name are not one text.
    const [a, b] = servers;
    const last = [a.name, a.id, ...a.ipv4, ...a.ipv6].at(-1)!;
    expect(names(`${last.slice(-2)}${b.name.slice(0, 2)}`.toLowerCase(), [a, b])).toEqual([]);
    expect(names(b.name, [a, b])).toEqual([b.name]);
    expect(names("no-such-server")).toEqual([]);
    expect(names("web", [])).toEqual([]);
  });

  it("keeps only the servers every filter keeps", () => {
    const servers = all();
    const kept = (f: Partial<ServerFilters>) =>
      filterServers(servers, { account: null, provider: null, status: null, search: "", ...f }).map((s) => s.id);
    const vultr = servers.filter((s) => s.account_id === "demo-vultr");
    expect(kept({ account: "demo-vultr" })).toEqual(vultr.map((s) => s.id));
    expect(kept({ account: "demo-vultr", search: vultr[0].name })).toEqual([vultr[0].id]);
    expect(kept({ account: "demo-cloudsigma", search: vultr[0].id })).toEqual([]);
    const stopped = servers.filter((s) => s.status === "stopped");
    expect(stopped.length).toBeGreaterThan(0);
    expect(kept({ status: "stopped" })).toEqual(stopped.map((s) => s.id));
  });

  it("searches a server's new name once the refetch brings it", () => {
    const before = all();
    expect(names("renamed", before)).toEqual([]);
    const after = before.map((s) => (s.name === "vpn" ? { ...s, name: "renamed-vpn" } : s));
    expect(names("renamed", after)).toEqual(["renamed-vpn"]);
  });
});

describe("servers table", () => {
  it("lists every server with its status badge, and an account error above the others", async () => {
    installMockBackend(demoState());
    renderApp();

    const table = await screen.findByTestId("servers-table");
    expect(within(table).getAllByTestId(/^server-row-/)).toHaveLength(8);

    const running = screen.getByTestId("status-demo-vultr-srv-1001");
    expect(running).toHaveTextContent(/^running$/);
    expect(running).toHaveAttribute("data-color", "green");
    const stopped = screen.getByTestId("status-demo-cloudsigma-srv-1003");
    expect(stopped).toHaveTextContent(/^stopped$/);
    expect(stopped).toHaveAttribute("data-color", "gray");
    const starting = screen.getByTestId("status-demo-vpsnet-srv-1005");
    expect(starting).toHaveTextContent(/^starting$/);
    expect(starting).toHaveAttribute("data-color", "blue");
    expect(starting.querySelector(".mantine-Loader-root")).not.toBeNull();
    expect(screen.getByTestId("status-demo-cloudsigma-srv-1006")).toHaveAttribute("data-color", "orange");

    // The failing account is reported by name, and the other accounts' servers are still listed.
    expect(screen.getByTestId("account-error-demo-vps247")).toHaveTextContent(
      "Demo VPS247: VPS247 did not answer within 10 s",
    );
    const row = screen.getByTestId("server-row-demo-vultr-srv-1001");
    expect(row).toHaveTextContent("web-1");
    expect(row).toHaveTextContent("Demo Vultr");
    expect(row).toHaveTextContent("Vultr");
    // First IPv4 plus a count of the others.
    expect(row).toHaveTextContent("203.0.113.2");
    expect(row).toHaveTextContent("+1");
  });

  it("shows an unknown status with the provider's own word", async () => {
    const state = demoState();
    const target = state.servers.find((s) => s.id === "srv-1001" && s.account_id === "demo-vultr")!;
    target.status = "unknown";
    target.provider_status = "haltigita-nova";
    installMockBackend(state);
    renderApp();
    await screen.findByTestId("servers-table");

    const badge = screen.getByTestId("status-demo-vultr-srv-1001");
    expect(badge).toHaveTextContent(/^unknown: haltigita-nova$/);
    expect(badge).toHaveAttribute("data-status", "unknown");
    expect(badge).toHaveAttribute("title", "Provider says: haltigita-nova");
    // A known status is not cluttered with the provider's word.
    expect(screen.getByTestId("status-demo-cloudsigma-srv-1003")).toHaveTextContent(/^stopped$/);
  });

  it("narrows rows with the status filter and the text search", async () => {
    installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await chooseOption(user, "filter-status", "stopped");
    await waitFor(() => expect(rowNames()).toEqual(["db-main"]));
    expect(screen.getByTestId("servers-count")).toHaveTextContent("1 of 8 servers");

    await user.click(screen.getByTestId("clear-filters"));
    await waitFor(() => expect(rowNames()).toHaveLength(8));

    await user.click(screen.getByTestId("search-input"));
    await user.paste("198.51.100");
    await waitFor(() => expect(rowNames()).toEqual(["web-1", "worker-1"]));

    await user.clear(screen.getByTestId("search-input"));
    await user.click(screen.getByTestId("search-input"));
    await user.paste("srv-1008");
    await waitFor(() => expect(rowNames()).toEqual(["vpn"]));

    await user.clear(screen.getByTestId("search-input"));
    await user.click(screen.getByTestId("search-input"));
    await user.paste("nothing-like-this");
    expect(await screen.findByTestId("servers-no-match")).toBeInTheDocument();
  });

  it("sorts by name when the header is clicked, also from the keyboard", async () => {
    installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    const asc = ["cache", "ci-runner", "db-main", "legacy-mail", "vpn", "web-1", "web-2", "worker-1"];
    expect(rowNames()).toEqual(asc);
    expect(screen.getByTestId("column-name")).toHaveAttribute("aria-sort", "ascending");

    await user.click(screen.getByTestId("sort-name"));
    expect(rowNames()).toEqual([...asc].reverse());
    expect(screen.getByTestId("column-name")).toHaveAttribute("aria-sort", "descending");

    screen.getByTestId("sort-status").focus();
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("column-status")).toHaveAttribute("aria-sort", "ascending");
    expect(rowNames()[0]).not.toBe("worker-1");
    expect(rowNames().at(-1)).toBe("vpn"); // "unknown" sorts last
  });

  it("sorts names as people read them, ties in list order both ways, and again once a refetch renames one", async () => {
    const state = demoState();
    const names = ["node-10", "node-9", "Node-9", "alpha", "node-100", "Ålpha"];
    state.servers = state.servers.slice(0, names.length).map((s, i) => ({ ...s, name: names[i] }));
    const backend = installMockBackend(state);
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    expect(rowNames()).toEqual(["alpha", "Ålpha", "node-9", "Node-9", "node-10", "node-100"]);
    await user.click(screen.getByTestId("sort-name"));
    expect(rowNames()).toEqual(["node-100", "node-10", "node-9", "Node-9", "alpha", "Ålpha"]);

    backend.state.servers.find((s) => s.name === "node-100")!.name = "node-1";
    await user.click(screen.getByTestId("refresh-button"));
    await waitFor(() => expect(rowNames()).toEqual(["node-10", "node-9", "Node-9", "node-1", "alpha", "Ålpha"]));
  });

  it("sorts names as people read them on a machine whose locale is POSIX (LANG=C), not in ASCII order", () => {
    const names = ["Web Server 01", "api_test", "Build farm", "billing-hold"];
    // What WebKit makes of LANG=C: ICU's POSIX collation, capitals first.
    const posix = new Intl.Collator("en-US-u-va-posix", { numeric: true, sensitivity: "base" });
    expect([...names].sort(posix.compare)).toEqual(["Build farm", "Web Server 01", "api_test", "billing-hold"]);
    const reading = new Intl.Collator(readingLocale("en-US-u-va-posix"), { numeric: true, sensitivity: "base" });
    expect([...names].sort(reading.compare)).toEqual(["api_test", "billing-hold", "Build farm", "Web Server 01"]);
    expect(readingLocale("de-DE")).toBe("de-DE");
  });

  it("sorts addresses by their numbers, servers without one last, and one column at a time", async () => {
    const state = demoState();
    const ips = [["10.0.0.9"], ["9.0.0.1"], [], ["10.0.0.10"], ["10.0.0.9"]];
    state.servers = state.servers.slice(0, ips.length).map((s, i) => ({ ...s, name: `s${i}`, ipv4: ips[i] }));
    installMockBackend(state);
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await user.click(screen.getByTestId("sort-ipv4"));
    expect(screen.getByTestId("column-ipv4")).toHaveAttribute("aria-sort", "ascending");
    expect(screen.getByTestId("column-name")).toHaveAttribute("aria-sort", "none");
    // 9 before 10 (not as text), and the two equal addresses in the list's order both ways.
    expect(rowNames()).toEqual(["s1", "s0", "s4", "s3", "s2"]);
    await user.click(screen.getByTestId("sort-ipv4"));
    expect(rowNames()).toEqual(["s2", "s3", "s0", "s4", "s1"]);

    // Shift+click sorts by that column instead, not by both.
    await user.keyboard("{Shift>}");
    await user.click(screen.getByTestId("sort-name"));
    await user.keyboard("{/Shift}");
    expect(screen.getByTestId("column-name")).toHaveAttribute("aria-sort", "ascending");
    expect(screen.getByTestId("column-ipv4")).toHaveAttribute("aria-sort", "none");
    expect(rowNames()).toEqual(["s0", "s1", "s2", "s3", "s4"]);
  });

  it("keeps Delete disabled until the exact server name is typed, then deletes", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await user.click(screen.getByTestId("action-delete-demo-cloudsigma-srv-1003"));
    const input = await screen.findByTestId("delete-confirm-input");
    const button = screen.getByTestId("delete-confirm-button");
    expect(button).toBeDisabled();

    await user.type(input, "db-mai");
    expect(button).toBeDisabled();
    await retype(user, input, "DB-MAIN");
    expect(button).toBeDisabled();
    await retype(user, input, "db-main");
    expect(button).toBeEnabled();

    await user.click(button);
    await waitFor(() => expect(screen.queryByTestId("server-row-demo-cloudsigma-srv-1003")).toBeNull());
    expect(backend.callsOf("delete_server")[0].args).toEqual({ account_id: "demo-cloudsigma", server_id: "srv-1003" });
    expect(await screen.findByText("Server deleted")).toBeInTheDocument();
  });

  it("shows the optimistic status right after Stop, then the backend's", async () => {
    const backend = installMockBackend(demoState());
    let release: (v: null) => void = () => {};
    backend.on("server_action", () => new Promise<null>((r) => (release = r)));
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    const badge = () => screen.getByTestId("status-demo-vultr-srv-1001");
    expect(badge()).toHaveTextContent("running");

    await user.click(screen.getByTestId("action-stop-demo-vultr-srv-1001"));
    // The provider has not answered yet, and the badge already says so.
    await waitFor(() => expect(badge()).toHaveTextContent("stopping"));
    expect(backend.callsOf("server_action")[0].args).toEqual({
      account_id: "demo-vultr",
      server_id: "srv-1001",
      action: "stop",
    });

    backend.state.servers.find((s) => s.id === "srv-1001")!.status = "stopped";
    await act(async () => release(null));
    await waitFor(() => expect(badge()).toHaveTextContent("stopped"));
    expect(screen.getByText("Stopping web-1")).toBeInTheDocument();
  });

  it("shows an action under way in its server's row wherever it was asked for: the command palette too", async () => {
    const backend = installMockBackend(demoState());
    let release: (v: null) => void = () => {};
    backend.on("server_action", () => new Promise<null>((r) => (release = r)));
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    const busy = () =>
      within(screen.getByTestId("servers-table"))
        .getAllByRole("button")
        .filter((b) => b.getAttribute("aria-busy") === "true")
        .map((b) => b.dataset.testid);

    await user.keyboard("{Control>}k{/Control}");
    await user.type(await screen.findByPlaceholderText(/Find a server/), "reboot web-1");
    await user.click(await screen.findByTestId("palette-server-reboot-demo-vultr-srv-1001"));
    await waitFor(() => expect(busy()).toEqual(["action-reboot-demo-vultr-srv-1001"]));

    await act(async () => release(null));
    await waitFor(() => expect(busy()).toEqual([]));
  });

  it("rolls the status back and shows the message when the action fails", async () => {
    const backend = installMockBackend(demoState());
    backend.on("server_action", () => {
      throw { kind: "invalid_state", message: "The server is locked by a running backup. Try again in a few minutes.", fields: [] };
    });
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await user.click(screen.getByTestId("action-reboot-demo-vultr-srv-1001"));
    expect(await screen.findByText("The server is locked by a running backup. Try again in a few minutes.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("status-demo-vultr-srv-1001")).toHaveTextContent("running"));
  });

  it("disables actions the provider lacks and says why", async () => {
    installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    // Demo VPS.NET has no servers.rename capability.
    const rename = screen.getByTestId("action-rename-demo-vpsnet-srv-1002");
    expect(rename).toHaveAttribute("aria-disabled", "true");
    await user.hover(rename);
    expect(await screen.findByText("Rename: VPS.NET does not support renaming servers")).toBeInTheDocument();
    await user.click(rename);
    expect(screen.queryByTestId("rename-input")).toBeNull();

    // Running server on a provider without servers.delete_running: Delete opens "Stop and delete".
    expect(screen.getByTestId("action-delete-demo-vultr-srv-1001")).not.toHaveAttribute("aria-disabled");
    // Start on a running server makes no sense.
    expect(screen.getByTestId("action-start-demo-vultr-srv-1001")).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByTestId("action-stop-demo-vultr-srv-1001")).not.toHaveAttribute("aria-disabled");

    // Force stop is offered only where the account has it.
    await user.click(screen.getByTestId("action-more-demo-vpsnet-srv-1002"));
    expect(screen.queryByTestId("action-force_stop-demo-vpsnet-srv-1002")).toBeNull();
    await user.keyboard("{Escape}");
    await user.click(screen.getByTestId("action-more-demo-vultr-srv-1001"));
    expect(await screen.findByTestId("action-force_stop-demo-vultr-srv-1001")).toBeInTheDocument();
  });

  it("renames a server through the modal", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await user.click(screen.getByTestId("action-rename-demo-vultr-srv-1001"));
    const input = await screen.findByTestId("rename-input");
    expect(input).toHaveValue("web-1");
    await retype(user, input, "frontend-1");
    await user.click(screen.getByTestId("rename-submit"));
    await waitFor(() => expect(screen.getByTestId("server-row-demo-vultr-srv-1001")).toHaveTextContent("frontend-1"));
    expect(backend.callsOf("rename_server")[0].args).toEqual({
      account_id: "demo-vultr",
      server_id: "srv-1001",
      name: "frontend-1",
    });
  });

  it("opens the detail drawer from a row click and from Enter", async () => {
    installMockBackend(demoState());
    const { user } = renderApp();
    await screen.findByTestId("servers-table");

    await user.click(screen.getByTestId("server-row-demo-vultr-srv-1001"));
    const drawer = await screen.findByTestId("detail-drawer");
    for (const text of ["srv-1001", "Demo Vultr", "active", "203.0.113.2", "198.51.100.2", "2001:db8::1"]) {
      expect(drawer).toHaveTextContent(text);
    }
    // The provider's own fields come with the server read alone.
    await waitFor(() => expect(drawer).toHaveTextContent("Hostnamehost-1.example.net"));
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("detail-drawer")).toBeNull());
    // Focus goes back to the row that opened the drawer.
    await waitFor(() => expect(screen.getByTestId("server-row-demo-vultr-srv-1001")).toHaveFocus());

    screen.getByTestId("server-row-demo-cloudsigma-srv-1003").focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("detail-drawer")).toHaveTextContent("db-main");
  });

  it("reads a server's details alone when its drawer opens: the list carries none", async () => {
    const backend = installMockBackend(demoState());
    backend.on("get_server", (args, _b, next) => {
      if (args.server_id === "srv-1002") throw ipcError("provider", "VPS.NET answered 503: try again later.");
      return next();
    });
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    expect(backend.callsOf("get_server")).toHaveLength(0);

    await user.click(screen.getByTestId("server-row-demo-vultr-srv-1001"));
    const table = await screen.findByTestId("detail-table");
    await waitFor(() => expect(table).toHaveTextContent("OSUbuntu 24.04 LTS"));
    expect(backend.callsOf("get_server").map((c) => c.args)).toEqual([{ account_id: "demo-vultr", server_id: "srv-1001" }]);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("detail-drawer")).toBeNull());

    // A server whose details cannot be read still shows what the list knows, and why the rest is missing.
    await user.click(screen.getByTestId("server-row-demo-vpsnet-srv-1002"));
    expect(await screen.findByTestId("detail-error")).toHaveTextContent("VPS.NET answered 503: try again later.");
    const drawer = screen.getByTestId("detail-drawer");
    expect(drawer).toHaveTextContent("web-2");
    expect(drawer).not.toHaveTextContent("Ubuntu 24.04 LTS");
  });

  it("hides a column from the chooser and remembers it", async () => {
    const backend = installMockBackend(demoState());
    const { user, unmount } = renderApp();
    await screen.findByTestId("servers-table");
    expect(screen.getByTestId("column-ipv6")).toBeInTheDocument();

    await user.click(screen.getByTestId("column-chooser"));
    await user.click(await screen.findByTestId("column-toggle-ipv6"));
    await waitFor(() => expect(screen.queryByTestId("column-ipv6")).toBeNull());
    await waitFor(() => expect(backend.state.preferences.server_columns).toMatchObject({ ipv6: false }));

    unmount();
    renderApp();
    await screen.findByTestId("servers-table");
    expect(screen.queryByTestId("column-ipv6")).toBeNull();
    expect(screen.getByTestId("column-ipv4")).toBeInTheDocument();
  });

  it("renders only a window of rows for a 10,000-server inventory", async () => {
    installMockBackend(demoState(10_000));
    renderApp();
    const table = await screen.findByTestId("servers-table", {}, { timeout: 10_000 });
    const rows = within(table).getAllByTestId(/^server-row-/);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByTestId("servers-count")).toHaveTextContent("10000 servers");
  });
});
