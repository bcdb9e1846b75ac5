import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Capability, Job, SshKey, UsageGraph } from "../api/bindings";
import { demoState, grant, installMockBackend, ipcError, type MockBackend } from "../api/mockBackend";
import { visibleTabs } from "../features/servers/tabs/ServerTabs";
import { runningJob } from "./jobs";
import { renderApp, retype } from "./render";

type User = ReturnType<typeof renderApp>["user"];

const VULTR_EXTRAS: Capability[] = [
  "snapshots", "backups.list", "backups.restore", "os.reinstall", "os.change", "os.isos", "network.ips", "network.ipv4_add", "network.ipv4_restarts",
  "network.ipv4_remove", "network.reverse_set", "network.reverse_reset", "network.reverse_delete",
  "network.reverse_list", "usage.graphs", "console", "account.ssh_keys", "account.scripts",
];

const GRAPH: UsageGraph = {
  id: "bandwidth",
  title: "Bandwidth per day",
  unit: "bytes",
  series: [
    { label: "Incoming", points: [{ at: "2014-06-10", value: 81072581 }, { at: "2014-06-11", value: 222387466 }] },
    { label: "Outgoing", points: [{ at: "2014-06-10", value: 4059610 }, { at: "2014-06-11", value: 13432380 }] },
  ],
};

const job = (over: Partial<Job>) =>
  runningJob({ provider: "vultr", label: "Vultr", kind: "snapshot_create", title: "Snapshot of server srv-1001", server_id: "srv-1001", target_id: "snap-1" }, over);

/** The demo with Vultr's extras and an in-memory snapshot list, key list and jobs list. */
function withExtras(): { backend: MockBackend; jobs: Job[] } {
  const backend = installMockBackend(demoState());
  const jobs: Job[] = [];
  const keys: SshKey[] = [{ id: "541b4960f23bd", name: "test", public_key: "ssh-rsa AA... test@example.com", created_at: null }];
  // Vultr's account has its extras; VPS.NET's only its server operations.
  grant(backend.state, "demo-vultr", VULTR_EXTRAS);
  backend.on("list_jobs", () => structuredClone(jobs));
  backend.on("list_snapshots", () => [
    { id: "5359435d28b9a", description: "Test snapshot", size_bytes: 42949672960, status: "complete", provider_status: "complete", created_at: "2014-04-18T12:40:40Z" },
  ]);
  backend.on("create_snapshot", () => {
    const j = job({});
    jobs.unshift(j);
    return j;
  });
  backend.on("server_addresses", () => [
    { ip: "203.0.113.2", version: 4, role: "main", provider_role: "main_ip", netmask: "255.255.254.0", gateway: "203.0.113.1", network: null, network_size: null, reverse: "203.0.113.2.vultr.com" },
    { ip: "2001:db8::1", version: 6, role: "main", provider_role: "main_ip", netmask: null, gateway: null, network: "2001:db8::", network_size: 64, reverse: null },
  ]);
  backend.on("reverse_ipv6", () => []);
  backend.on("set_reverse", (args) => {
    if (String(args.entry).includes(" ")) throw ipcError("validation", "entry: use letters, digits, hyphens and dots only", [{ field: "entry", message: "use letters, digits, hyphens and dots only" }]);
    return null;
  });
  backend.on("usage_graphs", () => [GRAPH]);
  backend.on("server_console", () => ({ url: "https://my.vultr.com/subs/novnc/api.php?data=x", kind: "noVNC console (KVM)", note: "Anyone who has this link can use the console." }));
  backend.on("os_options", () => [{ id: "2136", name: "Debian 12 x64", family: "debian", arch: "x64", surcharge: "0.00" }]);
  backend.on("list_ssh_keys", () => structuredClone(keys));
  backend.on("create_ssh_key", (args) => {
    const k = args.key as { name: string; public_key: string };
    if (!k.public_key.startsWith("ssh-")) throw ipcError("validation", "public_key: a public key starts with its type", [{ field: "public_key", message: "a public key starts with its type" }]);
    keys.push({ id: "new-key", name: k.name, public_key: k.public_key, created_at: "2024-06-01T10:00:00Z" });
    return "new-key";
  });
  backend.on("list_scripts", () => [{ id: "3", name: "test ", kind: "boot", content: "#!/bin/bash echo Hello", created_at: null, modified_at: null }]);
  return { backend, jobs };
}

async function openDetail(user: User, rowId: string) {
  await user.click(await screen.findByTestId(rowId));
  return screen.findByTestId("detail-drawer");
}

describe("server detail tabs", () => {
  it("shows only the tabs the provider supports", async () => {
    withExtras();
    const { user } = renderApp();
    const vultr = await openDetail(user, "server-row-demo-vultr-srv-1001");
    for (const tab of ["overview", "network", "snapshots", "graphs", "console"]) {
      expect(await within(vultr).findByTestId(`detail-tab-${tab}`)).toBeInTheDocument();
    }
    await user.click(screen.getByLabelText("Close details"));
    const vpsnet = await openDetail(user, "server-row-demo-vpsnet-srv-1002");
    expect(within(vpsnet).getByTestId("detail-tab-overview")).toBeInTheDocument();
    expect(within(vpsnet).queryByTestId("detail-tab-network")).toBeNull();
    expect(within(vpsnet).getByTestId("detail-table")).toBeInTheDocument();
    expect(visibleTabs(["usage.graphs"])).toEqual(["graphs"]);
  });

  it("takes a snapshot as a job and shows it in the jobs list until it ends", async () => {
    const { backend, jobs } = withExtras();
    const { user } = renderApp();
    const drawer = await openDetail(user, "server-row-demo-vultr-srv-1001");
    await user.click(within(drawer).getByTestId("detail-tab-snapshots"));
    expect(await screen.findByTestId("snapshot-row-5359435d28b9a")).toHaveTextContent("Test snapshot");
    await user.type(screen.getByTestId("snapshot-description"), "before upgrade");
    await user.click(screen.getByTestId("snapshot-create"));
    await waitFor(() => expect(backend.callsOf("create_snapshot")).toHaveLength(1));
    expect(backend.callsOf("create_snapshot")[0].args).toEqual({ account_id: "demo-vultr", server_id: "srv-1001", description: "before upgrade" });

    await user.click(screen.getByLabelText("Close details"));
    await user.click(screen.getByTestId("jobs-button"));
    const row = await screen.findByTestId("job-job-1");
    expect(within(row).getByTestId("job-state-job-1")).toHaveTextContent("running");
    const cancel = within(row).getByTestId("job-cancel-job-1");
    expect(cancel).toHaveAttribute("aria-disabled", "true");
    expect(cancel).toHaveAttribute("aria-description", expect.stringContaining("Vultr's API has no call to stop it"));
    await user.click(cancel);
    expect(backend.callsOf("cancel_job")).toHaveLength(0);

    jobs[0] = { ...jobs[0], state: "succeeded", stage: "Snapshot complete", progress: 100, finished_at_ms: Date.now() };
    await waitFor(() => expect(screen.getByTestId("job-state-job-1")).toHaveTextContent("succeeded"), { timeout: 3000 });
    expect(screen.getByTestId("job-stage-job-1")).toHaveTextContent("Snapshot complete");
    expect(await screen.findByText("Snapshot of server srv-1001: done")).toBeInTheDocument();
  });

  it("restores a Vultr backup picked from the server's list, never a typed id", async () => {
    const { backend } = withExtras();
    backend.on("list_backups", () => [
      { id: "543d34149403a", label: "Automatic server backup", kind: null, size: "42949672960", built: true, locked: false, system: null, created_at: "2014-10-14T12:40:40Z", built_at: null },
    ]);
    const { user } = renderApp();
    const drawer = await openDetail(user, "server-row-demo-vultr-srv-1001");
    await user.click(within(drawer).getByTestId("detail-tab-snapshots"));
    expect(await screen.findByTestId("backup-row-543d34149403a")).toHaveTextContent("Automatic server backup");
    expect(screen.queryByTestId("backup-id"), "no typed backup id where the API lists them").toBeNull();
    expect(screen.queryByTestId("backup-create"), "Vultr's backups are automatic: none is taken from vpsdesk").toBeNull();
    await user.click(screen.getByTestId("backup-restore-543d34149403a"));
    await user.click(await screen.findByTestId("backup-restore-confirm"));
    await waitFor(() => expect(backend.callsOf("restore_backup")).toHaveLength(1));
    expect(backend.callsOf("restore_backup")[0].args).toEqual({ account_id: "demo-vultr", server_id: "srv-1001", backup_id: "543d34149403a" });
  });

  it("sets a reverse DNS entry and places a field error next to the field", async () => {
    const { backend } = withExtras();
    const { user } = renderApp();
    const drawer = await openDetail(user, "server-row-demo-vultr-srv-1001");
    await user.click(within(drawer).getByTestId("detail-tab-network"));
    expect(await screen.findByTestId("address-reverse-203.0.113.2")).toHaveTextContent("203.0.113.2.vultr.com");
    expect(screen.getByTestId("ip-add-reboot"), "Vultr reboots to configure a new address: the choice is offered").toBeChecked();
    await user.click(screen.getByTestId("reverse-edit-203.0.113.2"));
    expect(screen.getByTestId("reverse-ip")).toHaveValue("203.0.113.2");
    await retype(user, screen.getByTestId("reverse-entry"), "not valid");
    await user.click(screen.getByTestId("reverse-submit"));
    expect(await screen.findByText("use letters, digits, hyphens and dots only")).toBeInTheDocument();
    await retype(user, screen.getByTestId("reverse-entry"), "mail.example.com");
    await user.click(screen.getByTestId("reverse-submit"));
    await waitFor(() => expect(backend.callsOf("set_reverse")).toHaveLength(2));
    expect(backend.callsOf("set_reverse")[1].args).toEqual({ account_id: "demo-vultr", server_id: "srv-1001", ip: "203.0.113.2", entry: "mail.example.com" });
    await waitFor(() => expect(screen.getByTestId("reverse-entry")).toHaveValue(""));
  });

  it("shows the provider's refusal of a reverse DNS address under that field", async () => {
    const { backend } = withExtras();
    backend.on("set_reverse", () => {
      throw ipcError("validation", "ip: 198.51.100.9 is not an address of this server", [{ field: "ip", message: "198.51.100.9 is not an address of this server" }]);
    });
    const { user } = renderApp();
    const drawer = await openDetail(user, "server-row-demo-vultr-srv-1001");
    await user.click(within(drawer).getByTestId("detail-tab-network"));
    await user.type(await screen.findByTestId("reverse-ip"), "198.51.100.9");
    await user.type(screen.getByTestId("reverse-entry"), "mail.example.com");
    await user.click(screen.getByTestId("reverse-submit"));
    await waitFor(() => expect(screen.getByTestId("reverse-ip")).toHaveAccessibleDescription("198.51.100.9 is not an address of this server"));
    expect(screen.getByTestId("reverse-ip")).toHaveValue("198.51.100.9");
    expect(screen.getByTestId("reverse-entry")).toHaveValue("mail.example.com");
    expect(screen.queryByTestId("reverse-error")).toBeNull();
  });

  it("draws the bandwidth graph and shows the console link", async () => {
    const { backend } = withExtras();
    const { user } = renderApp();
    const drawer = await openDetail(user, "server-row-demo-vultr-srv-1001");
    await user.click(within(drawer).getByTestId("detail-tab-graphs"));
    const graph = await screen.findByTestId("graph-bandwidth");
    // Each of the 4 values (2 periods × 2 series) is in the chart's table, as the hover legend shows them.
    const rows = within(graph).getAllByRole("row").map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ["Period", "Incoming", "Outgoing"],
      ["2014-06-10", "77.3 MB", "3.9 MB"],
      ["2014-06-11", "212.1 MB", "12.8 MB"],
    ]);
    expect(within(graph).getByRole("img")).toHaveAccessibleName(/Bandwidth per day: 2 periods, totals Incoming 289.4 MB, Outgoing 16.7 MB/);
    await user.click(within(drawer).getByTestId("detail-tab-console"));
    expect(await screen.findByTestId("console-url")).toHaveValue("https://my.vultr.com/subs/novnc/api.php?data=x");
    // Vultr's graphs have no span to choose: no picker, none sent.
    expect(screen.queryByTestId("usage-range")).toBeNull();
    expect(backend.callsOf("usage_graphs")[0].args).toMatchObject({ from: null, to: null });
  });

  it("asks VPS.NET for the chosen span and refuses a custom one that ends before it starts", async () => {
    const { backend } = withExtras();
    grant(backend.state, "demo-vpsnet", ["usage.graphs", "usage.range"]);
    const { user } = renderApp();
    const drawer = await openDetail(user, "server-row-demo-vpsnet-srv-1002");
    await user.click(within(drawer).getByTestId("detail-tab-graphs"));
    await screen.findByTestId("graph-bandwidth");
    const sent = () => backend.callsOf("usage_graphs").map((c) => c.args as { from: string | null; to: string | null });
    const hours = (r: { from: string | null }) => Math.round((Date.now() - Date.parse(r.from ?? "")) / 3600_000);
    expect(hours(sent()[0])).toBe(24);
    await user.click(screen.getByRole("radio", { name: "7 days" }));
    await waitFor(() => expect(sent()).toHaveLength(2));
    expect(hours(sent()[1])).toBe(7 * 24);
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    const from = screen.getByTestId("usage-range-from");
    await user.clear(from);
    await user.type(from, "2026-01-10");
    const to = screen.getByTestId("usage-range-to");
    await user.clear(to);
    await user.type(to, "2026-01-09");
    expect(await screen.findByText("The last day must not be before the first")).toBeInTheDocument();
    const before = sent().length;
    await user.clear(to);
    await user.type(to, "2026-01-11");
    await waitFor(() => expect(sent().at(-1)).toEqual(expect.objectContaining({ from: new Date(2026, 0, 10).toISOString(), to: new Date(2026, 0, 12).toISOString() })));
    expect(sent().slice(before).every((r) => r.to !== new Date(2026, 0, 10).toISOString())).toBe(true);
  });
});

describe("account resources and the create form", () => {
  it("adds an SSH key, refusing a bad one in the form, and offers it in the create form", async () => {
    const { backend } = withExtras();
    window.location.hash = "#/resources";
    const { user } = renderApp();
    expect(await screen.findByTestId("sshkey-row-541b4960f23bd")).toHaveTextContent("test");
    await user.click(screen.getByTestId("sshkey-add"));
    await user.type(screen.getByTestId("sshkey-name"), "laptop");
    await user.type(screen.getByTestId("sshkey-public-key"), "AAAA me@laptop");
    await user.click(screen.getByTestId("sshkey-submit"));
    expect(await screen.findByText("a public key starts with its type")).toBeInTheDocument();
    await retype(user, screen.getByTestId("sshkey-public-key"), "ssh-ed25519 AAAA me@laptop");
    await user.click(screen.getByTestId("sshkey-submit"));
    expect(await screen.findByTestId("sshkey-row-new-key")).toHaveTextContent("laptop");

    window.location.hash = "#/servers";
    await screen.findByTestId("servers-table");
    await user.click(screen.getByTestId("create-server-button"));
    await user.click(await screen.findByTestId("create-account"));
    await user.click(await screen.findByRole("option", { name: /Demo Vultr/ }));
    await user.click(await screen.findByTestId("create-ssh-keys"));
    await user.click(await screen.findByRole("option", { name: "laptop" }));
    await user.click(screen.getByTestId("create-script"));
    await user.click(await screen.findByRole("option", { name: "test (boot)" }));
    await user.type(screen.getByTestId("create-name"), "keyed");
    await user.click(screen.getByTestId("create-region"));
    await user.click(await screen.findByRole("option", { name: "Frankfurt (DE)" }));
    await user.click(screen.getByTestId("create-plan"));
    await user.click(await screen.findByRole("option", { name: /vc2-1c-2gb/ }));
    await user.click(screen.getByTestId("create-image"));
    await user.click(await screen.findByRole("option", { name: "Debian 12 (x64)" }));
    await user.click(screen.getByTestId("create-submit"));
    await waitFor(() => expect(backend.callsOf("create_server")).toHaveLength(1));
    expect(backend.callsOf("create_server")[0].args.request).toMatchObject({ ssh_keys: ["new-key"], script: "3" });
  });

  it("edits an SSH key sending only the changed name, and keeps the form open with an error that names no field", async () => {
    const { backend } = withExtras();
    let refuse = true;
    backend.on("update_ssh_key", () => {
      if (refuse) throw ipcError("provider", "Invalid SSH key (Vultr)", []);
      return null;
    });
    backend.on("delete_ssh_key", () => null);
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByTestId("sshkey-edit-541b4960f23bd"));
    expect(screen.getByTestId("sshkey-public-key")).toHaveValue("ssh-rsa AA... test@example.com");
    await retype(user, screen.getByTestId("sshkey-name"), "work");
    await user.click(screen.getByTestId("sshkey-submit"));
    expect(await screen.findByTestId("sshkey-error")).toHaveTextContent("Invalid SSH key (Vultr)");
    expect(screen.getByTestId("sshkey-name")).toHaveValue("work");
    refuse = false;
    await user.click(screen.getByTestId("sshkey-submit"));
    await waitFor(() => expect(screen.queryByTestId("sshkey-form")).toBeNull());
    expect(backend.callsOf("update_ssh_key").at(-1)!.args).toEqual({ account_id: "demo-vultr", key_id: "541b4960f23bd", update: { name: "work", public_key: null } });

    await user.click(screen.getByTestId("sshkey-delete-541b4960f23bd"));
    expect(backend.callsOf("delete_ssh_key"), "nothing is sent before the confirm").toHaveLength(0);
    await user.click(await screen.findByTestId("sshkey-delete-confirm"));
    await waitFor(() => expect(backend.callsOf("delete_ssh_key")).toHaveLength(1));
    expect(backend.callsOf("delete_ssh_key")[0].args).toEqual({ account_id: "demo-vultr", key_id: "541b4960f23bd" });
  });

  it("says which providers have no such resource", async () => {
    // No demo account has stored SSH keys among its capabilities.
    installMockBackend(demoState());
    window.location.hash = "#/resources";
    renderApp();
    expect(await screen.findByTestId("resources-unsupported")).toHaveTextContent("None of your accounts' providers offers stored SSH keys through its API.");
    window.location.hash = "";
  });
});
