import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AccountIp, Backup, Capability, Job, Justification, JustifiedIp, ResourcesChange, ServerClone, ServerLicenceChange, ServerLicences, ServerResources } from "../api/bindings";
import { demoState, grant, installMockBackend, ipcError, server, type MockBackend } from "../api/mockBackend";
import { runningJob } from "./jobs";
import { renderApp, retype } from "./render";

type User = ReturnType<typeof renderApp>["user"];

const VPSNET_EXTRAS: Capability[] = [
  "backups.list", "backups.create", "backups.restore", "backups.delete", "os.reinstall", "os.change", "network.ips",
  "network.ipv4_add", "network.ipv4_remove", "usage.graphs", "console", "maintenance.recovery",
  "maintenance.rebuild_network", "maintenance.rebuild_pending", "clones", "account.profile", "account.custom_templates",
  "account.templates", "account.template_licenses", "account.recoverable", "account.nodes", "server.resources",
  "server.upgrade_storage", "account.node_consumer", "backups.convert", "account.custom_template_edit",
  "account.ips", "account.ip_reassign", "account.justified_ips", "server.managed_transfer",
  "account.cloud_groups", "server.licences",
];

/** The doc's backup, verbatim where the model keeps it. */
const DOC_BACKUP: Backup = {
  id: "3774", label: null, kind: "normal", size: "510340", built: true, locked: false, system: "linux (ubuntu)",
  created_at: "2011-01-07T15:13:33Z", built_at: "2011-01-07T15:44:43Z",
};

const job = (over: Partial<Job>) =>
  runningJob({ provider: "vpsnet", label: "VPS.NET", kind: "backup_create", title: "Backup of server srv-1002", server_id: "srv-1002", target_id: "3801" }, over);

function withVpsnet(): { backend: MockBackend; clones: ServerClone[] } {
  const backend = installMockBackend(demoState());
  const jobs: Job[] = [];
  const clones: ServerClone[] = [];
  grant(backend.state, "demo-vpsnet", VPSNET_EXTRAS);
  backend.on("list_jobs", () => structuredClone(jobs));
  backend.on("list_backups", () => [DOC_BACKUP]);
  const started = (kind: Job["kind"], title: string) => () => {
    const j = job({ id: `job-${jobs.length + 1}`, kind, title });
    jobs.unshift(j);
    return j;
  };
  backend.on("create_backup", started("backup_create", "Backup of server srv-1002"));
  backend.on("restore_backup", started("backup_restore", "Restore backup 3774 onto server srv-1002"));
  backend.on("delete_backup", () => null);
  backend.on("boot_recovery", started("recovery_boot", "Boot server srv-1002 into recovery"));
  backend.on("rebuild_network", started("rebuild_network", "Rebuild the network of server srv-1002"));
  backend.on("list_clones", () => structuredClone(clones));
  backend.on("create_clone", () => {
    clones.push({ id: "86", label: "test_clone_machine", status: "Cloning in progress", created_at: "2014-03-10T12:53:10Z", cloned_server_id: null });
    return started("clone_create", "Clone of server srv-1002")();
  });
  backend.on("os_options", () => [{ id: "78", name: "Ubuntu 8.04 x64", family: null, arch: "x64", surcharge: null }]);
  backend.on("server_licences", () => ({ licences: [], offered_known: true }));
  return { backend, clones };
}

async function openTab(user: User, tab: string) {
  await user.click(await screen.findByTestId("server-row-demo-vpsnet-srv-1002"));
  const drawer = await screen.findByTestId("detail-drawer");
  await user.click(await within(drawer).findByTestId(`detail-tab-${tab}`));
  return drawer;
}

describe("VPS.NET server extras", () => {
  it("shows its tabs: backups with the OS section, maintenance, network, graphs and console", async () => {
    withVpsnet();
    const { user } = renderApp();
    const drawer = await openTab(user, "snapshots");
    for (const tab of ["network", "maintenance", "graphs", "console"]) {
      expect(within(drawer).getByTestId(`detail-tab-${tab}`)).toBeInTheDocument();
    }
    expect(within(drawer).getByTestId("detail-tab-snapshots")).toHaveTextContent(/^Backups$/);
    const row = await screen.findByTestId("backup-row-3774");
    expect(row).toHaveTextContent("linux (ubuntu)");
    expect(row).toHaveTextContent("normal");
    expect(within(row).getByTestId("backup-state-3774")).toHaveTextContent("built");
    expect(screen.queryByTestId("backup-id"), "no typed backup id where the API lists them").toBeNull();
    expect(screen.queryByTestId("snapshot-create"), "VPS.NET has no snapshots").toBeNull();
    expect(screen.getByTestId("reinstall")).toBeInTheDocument();
  });

  it("offers an SSD VPS only what VPS.NET's API does for it: power and delete, no tab", async () => {
    const { backend } = withVpsnet();
    grant(backend.state, "demo-vpsnet", ["servers.rename", "servers.force_stop"]);
    backend.state.servers.push(
      server(
        {
          id: "ssd-501",
          name: "SSD cache",
          account_id: "demo-vpsnet",
          region: "SSD cloud 160",
          plan: "SSD VPS 1 GB",
          capabilities: ["servers.start", "servers.stop", "servers.force_stop", "servers.reboot", "servers.delete"],
        },
        backend.state.accounts,
      ),
    );
    const { user } = renderApp();
    await user.click(await screen.findByTestId("server-row-demo-vpsnet-ssd-501"));
    const drawer = await screen.findByTestId("detail-drawer");
    expect(within(drawer).getByRole("tablist").textContent).toBe("Overview");
    expect(within(drawer).getByTestId("detail-limited")).toHaveTextContent("VPS.NET's API offers this kind of server only the actions enabled above");
    const id = (a: string) => within(drawer).getByTestId(`detail-action-${a}-demo-vpsnet-ssd-501`);
    expect(id("stop")).not.toHaveAttribute("aria-disabled");
    expect(id("reboot")).not.toHaveAttribute("aria-disabled");
    expect(id("delete")).not.toHaveAttribute("aria-disabled");
    expect(id("start")).toHaveAttribute("aria-description", "Already running");
    expect(id("rename")).toHaveAttribute("aria-disabled", "true");
    expect(id("rename")).toHaveAttribute("aria-description", "VPS.NET does not support renaming servers of this kind");
    await user.click(id("more"));
    expect(await screen.findByTestId("detail-action-force_stop-demo-vpsnet-ssd-501")).not.toHaveAttribute("data-disabled");

    // A cloud server of the same account keeps every tab.
    await user.click(within(drawer).getByLabelText("Close details"));
    const cloud = await openTab(user, "graphs");
    expect(within(cloud).getByTestId("detail-tab-snapshots")).toHaveTextContent("Backups");
    await user.click(within(cloud).getByTestId("detail-tab-overview"));
    expect(within(cloud).queryByTestId("detail-limited")).toBeNull();
    expect(within(cloud).getByTestId("detail-action-rename-demo-vpsnet-srv-1002")).not.toHaveAttribute("aria-disabled");
  });

  it("adds an address without a reboot choice or a reboot promise: VPS.NET does not restart for it", async () => {
    const { backend } = withVpsnet();
    backend.on("server_addresses", () => [
      { ip: "68.169.40.7", version: 4, role: "main", provider_role: "primary", netmask: "255.255.255.0", gateway: null, network: null, network_size: null, reverse: null },
    ]);
    const added: unknown[] = [];
    backend.on("add_ipv4", (args) => {
      added.push(args);
      return null;
    });
    const { user } = renderApp();
    await openTab(user, "network");
    await user.click(await screen.findByTestId("ip-add"));
    expect(screen.queryByTestId("ip-add-reboot")).toBeNull();
    const dialog = await screen.findByRole("dialog", { name: "Add an IPv4 address" });
    expect(dialog).toHaveTextContent("VPS.NET bills the new address from now on.");
    expect(dialog.textContent).not.toMatch(/reboot/i);
    await user.click(screen.getByTestId("ip-add-confirm"));
    await waitFor(() => expect(added).toEqual([expect.objectContaining({ account_id: "demo-vpsnet", server_id: "srv-1002", reboot: false })]));
  });

  it("takes, restores and deletes backups, asking before the destructive ones", async () => {
    const { backend } = withVpsnet();
    const { user } = renderApp();
    await openTab(user, "snapshots");
    await screen.findByTestId("backup-row-3774");
    await user.type(screen.getByTestId("backup-label"), "before upgrade");
    await user.click(screen.getByTestId("backup-create"));
    await waitFor(() => expect(backend.callsOf("create_backup")).toHaveLength(1));
    expect(backend.callsOf("create_backup")[0].args).toEqual({ account_id: "demo-vpsnet", server_id: "srv-1002", label: "before upgrade" });
    await waitFor(() => expect(screen.getByTestId("backup-label")).toHaveValue(""));

    await user.click(screen.getByTestId("backup-restore-3774"));
    expect(backend.callsOf("restore_backup")).toHaveLength(0);
    await user.click(await screen.findByTestId("backup-restore-confirm"));
    await waitFor(() => expect(backend.callsOf("restore_backup")).toHaveLength(1));
    expect(backend.callsOf("restore_backup")[0].args).toEqual({ account_id: "demo-vpsnet", server_id: "srv-1002", backup_id: "3774" });

    await user.click(screen.getByTestId("backup-delete-3774"));
    await user.click(await screen.findByTestId("backup-delete-confirm"));
    await waitFor(() => expect(backend.callsOf("delete_backup")).toHaveLength(1));
    expect(await screen.findByText("Backup 3774 deleted")).toBeInTheDocument();
  });

  it("boots into recovery, rebuilds the network and clones from the maintenance tab", async () => {
    const { backend } = withVpsnet();
    const { user } = renderApp();
    await openTab(user, "maintenance");
    expect(await screen.findByTestId("clones-empty")).toHaveTextContent("has not been cloned");
    expect(screen.queryByTestId("rebuild-pending"), "only for a server whose build did not finish").toBeNull();

    await user.click(screen.getByTestId("recovery-boot"));
    await user.click(await screen.findByTestId("recovery-confirm"));
    await waitFor(() => expect(backend.callsOf("boot_recovery")).toHaveLength(1));

    await user.click(screen.getByTestId("rebuild-network"));
    await user.click(await screen.findByTestId("rebuild-network-confirm"));
    await waitFor(() => expect(backend.callsOf("rebuild_network")).toHaveLength(1));

    await user.click(screen.getByTestId("clone-create"));
    await user.click(await screen.findByTestId("clone-confirm"));
    await waitFor(() => expect(backend.callsOf("create_clone")).toHaveLength(1));
    expect(backend.callsOf("create_clone")[0].args).toEqual({ account_id: "demo-vpsnet", server_id: "srv-1002", region: null });

    await user.click(screen.getByTestId("jobs-button"));
    expect(await screen.findByText("Clone of server srv-1002")).toBeInTheDocument();
    expect(screen.getByText("Boot server srv-1002 into recovery")).toBeInTheDocument();
  });
});

describe("VPS.NET templates on the Resources page", () => {
  it("lists custom templates and buys a chargeable one only after confirming its price", async () => {
    const { backend } = withVpsnet();
    backend.on("custom_templates", () => [{ id: "115", label: "test_cus_temp", operating_system: "Custom Templates", description: "test_cus_temp" }]);
    backend.on("offered_templates", () => [
      { group: "Ubuntu 10.04 x64", name: "Ubuntu 10.04 x64", placements: [{ region_id: "153", template_id: "92" }] },
      { group: "Windows Server 2008 x86 - Enterprise", name: "Windows Server 2008 x86 - Enterprise", placements: [{ region_id: "15", template_id: "1899" }] },
    ]);
    backend.on("template_info", (args) =>
      args.template_id === "1899"
        ? { id: "1899", label: "Windows Server 2008 x86 - Enterprise", os_type: "Windows", description: null, prices: [{ currency: "USD", amount: "20.0" }, { currency: "GBP", amount: "15" }] }
        : { id: "92", label: "Ubuntu 10.04 x64", os_type: "Linux", description: null, prices: [{ currency: "USD", amount: "0" }] },
    );
    backend.on("licensed_templates", () => [{ kind: "windows", id: "15", template_id: "10", server_id: null }]);
    backend.on("buy_template", () => null);
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByText("Templates"));
    expect(await screen.findByTestId("custom-template-row-115")).toHaveTextContent("test_cus_temp");
    expect(await screen.findByTestId("licence-row-windows-15")).toHaveTextContent("free");

    await user.click(await screen.findByTestId("template-pick-153-92"));
    expect(await screen.findByTestId("template-price-amount")).toHaveTextContent("Free");
    expect(screen.queryByTestId("template-buy")).toBeNull();

    await user.click(screen.getByTestId("template-pick-15-1899"));
    await waitFor(() => expect(screen.getByTestId("template-price-amount")).toHaveTextContent("20.0 USD / 15 GBP a month"));
    await user.click(screen.getByTestId("template-buy"));
    expect(backend.callsOf("buy_template")).toHaveLength(0);
    expect(await screen.findByText(/charged 20.0 USD \/ 15 GBP a month/)).toBeInTheDocument();
    await user.click(screen.getByTestId("template-buy-confirm"));
    await waitFor(() => expect(backend.callsOf("buy_template")).toHaveLength(1));
    expect(backend.callsOf("buy_template")[0].args).toEqual({ account_id: "demo-vpsnet", kind: "windows", template_id: "1899", confirm: true });
  });
});

describe("VPS.NET deleted servers on the Resources page", () => {
  it("recovers a deleted server", async () => {
    const { backend } = withVpsnet();
    const state = demoState();
    const deleted = [{ ...state.servers[1], id: "1386", name: "Staging" }];
    backend.on("deleted_servers", () => structuredClone(deleted));
    backend.on("recover_server", () => deleted.pop());
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByText("Deleted servers"));
    expect(await screen.findByTestId("deleted-server-row-1386")).toHaveTextContent("Staging");
    await user.click(screen.getByTestId("deleted-server-recover-1386"));
    await waitFor(() => expect(backend.callsOf("recover_server")).toHaveLength(1));
    expect(backend.callsOf("recover_server")[0].args).toEqual({ account_id: "demo-vpsnet", server_id: "1386" });
    expect(await screen.findByTestId("deleted-servers-empty")).toBeInTheDocument();
    expect(screen.getByText("Staging recovered")).toBeInTheDocument();
  });
});

describe("VPS.NET nodes on the Resources page", () => {
  it("buys nodes after confirming the charge and removes only unassigned ones", async () => {
    const { backend } = withVpsnet();
    backend.on("list_nodes", () => [
      { id: "7001", kind: "storage", server_id: "1384", consumer_id: null, free: false, discount: false },
      { id: "7002", kind: "ram", server_id: null, consumer_id: null, free: false, discount: false },
    ]);
    backend.on("add_nodes", () => null);
    backend.on("delete_node", () => null);
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByText("Nodes"));
    expect(await screen.findByTestId("node-row-7001")).toHaveTextContent("server 1384");
    await user.click(screen.getByTestId("node-delete-7001"));
    expect(screen.queryByTestId("node-delete-confirm"), "an assigned node is not removable").toBeNull();
    await user.click(screen.getByTestId("node-delete-7002"));
    await user.click(await screen.findByTestId("node-delete-confirm"));
    await waitFor(() => expect(backend.callsOf("delete_node")).toHaveLength(1));
    expect(backend.callsOf("delete_node")[0].args).toEqual({ account_id: "demo-vpsnet", kind: "ram", node_id: "7002" });

    await user.click(screen.getByTestId("nodes-buy"));
    expect(backend.callsOf("add_nodes")).toHaveLength(0);
    await user.click(await screen.findByTestId("nodes-buy-confirm"));
    await waitFor(() => expect(backend.callsOf("add_nodes")).toHaveLength(1));
    expect(backend.callsOf("add_nodes")[0].args).toEqual({ account_id: "demo-vpsnet", kind: "regular", quantity: 1, confirm: true });
  });

  it("lists one consumer's nodes and addresses, asking VPS.NET, and never sends an id that is not one", async () => {
    const { backend } = withVpsnet();
    const node = (id: string, consumer: string | null) => ({ id, kind: "storage" as const, server_id: null, consumer_id: consumer, free: false, discount: false });
    backend.on("list_nodes", (args) => (args.consumer_id === "58" ? [node("7001", "58")] : [node("7001", "58"), node("7002", null)]));
    const ip = (id: string, consumer: string | null): AccountIp => ({ id, ip: `68.169.40.${id.slice(-1)}`, netmask: null, network: null, cloud_id: "3", server_id: "1384", consumer_id: consumer, notes: null });
    backend.on("account_ips", (args) => (args.consumer_id === "58" ? [ip("4001", "58")] : [ip("4001", "58"), ip("4002", null)]));
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByText("Nodes"));
    expect(await screen.findByTestId("node-row-7002")).toBeInTheDocument();
    await user.type(screen.getByTestId("nodes-consumer-filter"), "0");
    expect(await screen.findByText("Filter by a consumer id of 1 or more (0 means no consumer)")).toBeInTheDocument();
    await retype(user, screen.getByTestId("nodes-consumer-filter"), "58");
    await waitFor(() => expect(backend.callsOf("list_nodes")).toHaveLength(2));
    expect(await screen.findByTestId("node-row-7001")).toBeInTheDocument();
    expect(screen.queryByTestId("node-row-7002")).toBeNull();
    expect(backend.callsOf("list_nodes").map((c) => c.args.consumer_id)).toEqual([null, "58"]);

    await user.click(screen.getByText("IP addresses"));
    expect(await screen.findByTestId("account-ip-row-4002")).toBeInTheDocument();
    await user.type(screen.getByTestId("account-ips-consumer-filter"), "5x");
    expect(await screen.findByText("A consumer id is a number")).toBeInTheDocument();
    await retype(user, screen.getByTestId("account-ips-consumer-filter"), "58");
    await waitFor(() => expect(backend.callsOf("account_ips")).toHaveLength(2));
    expect(await screen.findByTestId("account-ip-row-4001")).toBeInTheDocument();
    expect(screen.queryByTestId("account-ip-row-4002")).toBeNull();
    expect(backend.callsOf("account_ips").map((c) => c.args.consumer_id)).toEqual([null, "58"]);
  });

  it("edits a server's resources, asking before adding nodes and warning of storage downtime", async () => {
    const { backend } = withVpsnet();
    let now: ServerResources = {
      name: "Web Server 01", nodes: 1, daily_nodes: 0, storage_nodes: 1, ram_nodes: 0, bandwidth_nodes: 0, backups: false,
      rsync_backups: false, r1soft_backups: false, consumer_id: null, delayed_storage_until: null,
    };
    backend.on("server_resources", () => structuredClone(now));
    backend.on("update_server_resources", (args) => {
      now = { ...(args.change as ResourcesChange).resources, delayed_storage_until: (args.change as ResourcesChange).delay_storage_until };
      return structuredClone(now);
    });
    backend.on("upgrade_storage", () => null);
    const { user } = renderApp();
    await openTab(user, "resources");
    const name = await screen.findByTestId("resources-name");
    expect(name).toHaveValue("Web Server 01");
    expect(screen.getByTestId("resources-storage_nodes")).toHaveValue("1");
    expect(screen.queryByTestId("resources-downtime"), "no warning until the disk grows").toBeNull();

    // A consumer and rsync backups: no nodes added, saved without asking.
    await user.type(screen.getByTestId("resources-consumer"), "118");
    await user.click(screen.getByTestId("resources-rsync"));
    await user.click(screen.getByTestId("resources-save"));
    await waitFor(() => expect(backend.callsOf("update_server_resources")).toHaveLength(1));
    const first = backend.callsOf("update_server_resources")[0].args.change as ResourcesChange;
    expect(first.confirm).toBe(false);
    expect(first.resources).toMatchObject({ consumer_id: "118", rsync_backups: true, nodes: 1 });

    // One more regular node: the downtime warning, then a confirmation before anything is sent.
    const nodes = screen.getByTestId("resources-nodes");
    await retype(user, nodes, "2");
    expect(await screen.findByTestId("resources-downtime")).toHaveTextContent("causes downtime");
    await user.type(screen.getByTestId("resources-delay"), "2030-04-24 14:00");
    await user.click(screen.getByTestId("resources-save"));
    expect(backend.callsOf("update_server_resources")).toHaveLength(1);
    await user.click(await screen.findByTestId("resources-confirm"));
    await waitFor(() => expect(backend.callsOf("update_server_resources")).toHaveLength(2));
    const second = backend.callsOf("update_server_resources")[1].args.change as ResourcesChange;
    expect(second).toMatchObject({ confirm: true, delay_storage_until: "2030-04-24 14:00", resources: { nodes: 2 } });
    expect(await screen.findByTestId("resources-delayed")).toHaveTextContent("2030-04-24 14:00");

    await user.click(screen.getByTestId("resources-upgrade"));
    expect(backend.callsOf("upgrade_storage")).toHaveLength(0);
    await user.click(await screen.findByTestId("resources-upgrade-confirm"));
    await waitFor(() => expect(backend.callsOf("upgrade_storage")).toHaveLength(1));
    expect(backend.callsOf("upgrade_storage")[0].args).toEqual({ account_id: "demo-vpsnet", server_id: "srv-1002", confirm: true });
  });

  it("shows the provider's refusal of a resources change under the field it names", async () => {
    const { backend } = withVpsnet();
    backend.on("server_resources", () => ({
      name: "Web Server 01", nodes: 1, daily_nodes: 0, storage_nodes: 1, ram_nodes: 0, bandwidth_nodes: 0, backups: false,
      rsync_backups: false, r1soft_backups: false, consumer_id: null, delayed_storage_until: null,
    }));
    backend.on("update_server_resources", () => {
      throw ipcError("validation", "consumer_id: a consumer id is a number", [{ field: "consumer_id", message: 'a consumer id is a number, got "12a"' }]);
    });
    const { user } = renderApp();
    await openTab(user, "resources");
    await user.type(await screen.findByTestId("resources-consumer"), "12a");
    await user.click(screen.getByTestId("resources-save"));
    await waitFor(() => expect(screen.getByTestId("resources-consumer")).toHaveAccessibleDescription(/a consumer id is a number, got "12a"/));
    expect(screen.getByTestId("resources-consumer")).toHaveValue("12a");
    expect(screen.queryByTestId("resources-save-error")).toBeNull();
  });

  it("sets and clears a node's consumer id", async () => {
    const { backend } = withVpsnet();
    let consumer: string | null = null;
    backend.on("list_nodes", () => [{ id: "7001", kind: "storage", server_id: "1384", consumer_id: consumer, free: false, discount: false }]);
    backend.on("set_node_consumer", (args) => ((consumer = args.consumer_id as string | null), null));
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByText("Nodes"));
    expect(await screen.findByTestId("node-consumer-7001")).toHaveTextContent("none");
    await user.click(screen.getByTestId("node-consumer-edit-7001"));
    await user.type(screen.getByTestId("node-consumer-input-7001"), "99");
    await user.click(screen.getByTestId("node-consumer-save-7001"));
    await waitFor(() => expect(backend.callsOf("set_node_consumer")).toHaveLength(1));
    expect(backend.callsOf("set_node_consumer")[0].args).toEqual({ account_id: "demo-vpsnet", kind: "storage", node_id: "7001", consumer_id: "99" });
    expect(await screen.findByTestId("node-consumer-7001")).toHaveTextContent("99");
    await user.click(screen.getByTestId("node-consumer-edit-7001"));
    await user.clear(screen.getByTestId("node-consumer-input-7001"));
    await user.click(screen.getByTestId("node-consumer-save-7001"));
    await waitFor(() => expect(backend.callsOf("set_node_consumer")).toHaveLength(2));
    expect(backend.callsOf("set_node_consumer")[1].args.consumer_id).toBeNull();
  });

  it("turns a built backup into a template and edits a custom template", async () => {
    const { backend } = withVpsnet();
    const templates = [{ id: "115", label: "test_cus_temp", operating_system: "Custom Templates", description: "test_cus_temp" }];
    backend.on("convert_backup", () => null);
    backend.on("custom_templates", () => structuredClone(templates));
    backend.on("edit_custom_template", (args) => {
      templates[0].description = (args.edit as { description: string }).description;
      return null;
    });
    const { user } = renderApp();
    await openTab(user, "snapshots");
    await user.click(await screen.findByTestId("backup-convert-3774"));
    await waitFor(() => expect(backend.callsOf("convert_backup")).toHaveLength(1));
    expect(backend.callsOf("convert_backup")[0].args).toEqual({ account_id: "demo-vpsnet", server_id: "srv-1002", backup_id: "3774" });

    window.location.hash = "#/resources";
    await user.click(await screen.findByText("Templates"));
    await user.click(await screen.findByTestId("custom-template-edit-115"));
    const description = await screen.findByTestId("template-edit-description");
    expect(description).toHaveValue("test_cus_temp");
    await retype(user, description, "Ubuntu with our stack");
    await user.click(screen.getByTestId("template-edit-save"));
    await waitFor(() => expect(backend.callsOf("edit_custom_template")).toHaveLength(1));
    expect(backend.callsOf("edit_custom_template")[0].args).toEqual({
      account_id: "demo-vpsnet", template_id: "115", edit: { description: "Ubuntu with our stack", operating_system: "Custom Templates", info: null },
    });
    await waitFor(() => expect(screen.getByTestId("custom-template-row-115")).toHaveTextContent("Ubuntu with our stack"));
  });

  it("annotates account addresses, moves one within its cloud and requests a justified one after confirming", async () => {
    const { backend } = withVpsnet();
    const ips: AccountIp[] = [
      { id: "4001", ip: "68.169.40.3", netmask: "255.255.255.0", network: "68.169.40.0", cloud_id: "3", server_id: "1384", consumer_id: null, notes: null },
      { id: "4002", ip: "68.169.40.4", netmask: "255.255.255.0", network: "68.169.40.0", cloud_id: "3", server_id: "1385", consumer_id: null, notes: null },
      { id: "4003", ip: "68.169.40.9", netmask: "255.255.255.0", network: "68.169.40.0", cloud_id: "3", server_id: "1384", consumer_id: null, notes: null },
      { id: "4004", ip: "68.169.41.2", netmask: "255.255.255.0", network: "68.169.41.0", cloud_id: "8", server_id: "1386", consumer_id: null, notes: null },
      { id: "4005", ip: "68.169.42.2", netmask: null, network: null, cloud_id: "9", server_id: "srv-1002", consumer_id: null, notes: null },
    ];
    const justified: JustifiedIp[] = [];
    backend.on("account_ips", () => structuredClone(ips));
    backend.on("edit_account_ip", (args) => {
      const ip = ips.find((i) => i.id === args.ip_id)!;
      ip.notes = args.notes as string;
      ip.consumer_id = args.consumer_id as string | null;
      return null;
    });
    backend.on("reassign_ip", () => "68.169.40.9");
    backend.on("justified_ips", () => structuredClone(justified));
    backend.on("request_justified_ips", (args) => {
      const [r] = args.reasons as Justification[];
      justified.push({ id: "1", ip: null, server_id: args.server_id as string, kind: r.kind, reason: r.reason, status: "pending" });
      return null;
    });
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByText("IP addresses"));
    expect(await screen.findByTestId("account-ip-row-4001")).toHaveTextContent("68.169.40.3");
    await waitFor(() => expect(screen.getByTestId("account-ip-row-4005"), "a server the inventory knows is named").toHaveTextContent("web-2 (srv-1002)"));

    await user.click(screen.getByTestId("account-ip-edit-4001"));
    await user.type(screen.getByTestId("account-ip-notes-4001"), "primary of web01");
    await user.type(screen.getByTestId("account-ip-consumer-4001"), "58");
    await user.click(screen.getByTestId("account-ip-save-4001"));
    await waitFor(() => expect(backend.callsOf("edit_account_ip")).toHaveLength(1));
    expect(backend.callsOf("edit_account_ip")[0].args).toEqual({ account_id: "demo-vpsnet", ip_id: "4001", notes: "primary of web01", consumer_id: "58" });
    await waitFor(() => expect(screen.getByTestId("account-ip-row-4001")).toHaveTextContent("primary of web01"));

    // Only servers on the address's cloud are offered; the move is confirmed first.
    await user.click(screen.getByTestId("account-ip-move-4003"));
    await user.click(screen.getByTestId("account-ip-move-server"));
    expect(screen.queryByRole("option", { name: "1386" }), "another cloud's server").toBeNull();
    await user.click(await screen.findByRole("option", { name: "1385" }));
    await user.click(screen.getByTestId("account-ip-move-submit"));
    expect(backend.callsOf("reassign_ip")).toHaveLength(0);
    await user.click(await screen.findByTestId("account-ip-move-confirm"));
    await waitFor(() => expect(backend.callsOf("reassign_ip")).toHaveLength(1));
    expect(backend.callsOf("reassign_ip")[0].args).toEqual({ account_id: "demo-vpsnet", ip_id: "4003", server_id: "1385", confirm: true });

    expect(await screen.findByTestId("justified-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("justify-server"));
    await user.click(await screen.findByRole("option", { name: "1384" }));
    await user.type(screen.getByTestId("justify-reason"), "shop.example.com");
    await user.click(screen.getByTestId("justify-submit"));
    await user.click(await screen.findByTestId("justify-confirm"));
    await waitFor(() => expect(backend.callsOf("request_justified_ips")).toHaveLength(1));
    expect(backend.callsOf("request_justified_ips")[0].args).toEqual({
      account_id: "demo-vpsnet", server_id: "1384", reasons: [{ kind: "website", reason: "shop.example.com" }], confirm: true,
    });
    expect(await screen.findByTestId("justified-table")).toHaveTextContent("pending");
  });

  it("moves the managed service to another server after confirming", async () => {
    const { backend } = withVpsnet();
    backend.on("transfer_managed_service", () => null);
    const { user } = renderApp();
    await openTab(user, "maintenance");
    expect(screen.getByTestId("managed-transfer-submit")).toBeDisabled();
    await user.type(screen.getByTestId("managed-transfer-to"), "1385");
    await user.click(screen.getByTestId("managed-transfer-submit"));
    expect(backend.callsOf("transfer_managed_service")).toHaveLength(0);
    await user.click(await screen.findByTestId("managed-transfer-confirm"));
    await waitFor(() => expect(backend.callsOf("transfer_managed_service")).toHaveLength(1));
    expect(backend.callsOf("transfer_managed_service")[0].args).toEqual({
      account_id: "demo-vpsnet", server_id: "srv-1002", to_server: "1385", reassign_ip: null, confirm: true,
    });
  });

  it("lists cloud groups read only", async () => {
    const { backend } = withVpsnet();
    backend.on("cloud_groups", () => [{ id: "3", name: "US", clouds: ["15", "22"] }]);
    window.location.hash = "#/resources";
    const { user } = renderApp();
    await user.click(await screen.findByText("Cloud groups"));
    const row = await screen.findByTestId("cloud-group-row-3");
    expect(row).toHaveTextContent("US");
    expect(row).toHaveTextContent("15");
    expect(within(row).queryByRole("button"), "nothing to change").toBeNull();
  });

  it("buys and cancels control-panel licences only after confirming, one control panel at a time", async () => {
    const { backend } = withVpsnet();
    const RESOURCES: ServerResources = {
      name: "Web Server 01", nodes: 1, daily_nodes: 0, storage_nodes: 0, ram_nodes: 0, bandwidth_nodes: 0, backups: false,
      rsync_backups: false, r1soft_backups: false, consumer_id: null, delayed_storage_until: null,
    };
    backend.on("server_resources", () => structuredClone(RESOURCES));
    let state: ServerLicences = {
      offered_known: true,
      licences: [
        { id: "1", name: "cPanel", kind: "control_panel", held: true },
        { id: "6", name: "ISPmanager", kind: "control_panel", held: false },
        { id: "3", name: "Softaculous", kind: "add_on", held: false },
      ],
    };
    backend.on("server_licences", () => structuredClone(state));
    backend.on("change_server_licence", (args) => {
      const c = args.change as ServerLicenceChange;
      const gone = (id: string) => !c.buy && (id === c.licence || (c.licence === "1" && id === "3"));
      state = { ...state, licences: state.licences.map((l) => ({ ...l, held: l.id === c.licence ? c.buy : l.held && !gone(l.id) })) };
      return structuredClone(state);
    });
    const { user } = renderApp();
    await openTab(user, "resources");
    expect(await screen.findByTestId("licence-row-1")).toHaveTextContent("cPanel (licence 1)");

    // A second control panel is refused before anything is asked or sent.
    await user.click(screen.getByTestId("licence-buy-select"));
    await user.click(await screen.findByRole("option", { name: /ISPmanager/ }));
    await user.click(screen.getByTestId("licence-buy"));
    expect(await screen.findByTestId("licence-error")).toHaveTextContent("cancel cPanel (licence 1) first");
    expect(screen.queryByTestId("licence-buy-confirm")).toBeNull();

    // An add-on: the confirmation names it and says it is billed.
    await user.click(screen.getByTestId("licence-buy-select"));
    await user.click(await screen.findByRole("option", { name: /Softaculous/ }));
    await user.click(screen.getByTestId("licence-buy"));
    expect(await screen.findByText(/Softaculous \(licence 3\) is billed by VPS.NET/)).toBeInTheDocument();
    expect(backend.callsOf("change_server_licence")).toHaveLength(0);
    await user.click(screen.getByTestId("licence-buy-confirm"));
    await waitFor(() => expect(backend.callsOf("change_server_licence")).toHaveLength(1));
    expect(backend.callsOf("change_server_licence")[0].args).toEqual({
      account_id: "demo-vpsnet", server_id: "srv-1002", change: { licence: "3", buy: true, confirm: true },
    });
    expect(await screen.findByTestId("licence-row-3")).toBeInTheDocument();

    // Cancelling the control panel says its add-on goes with it.
    await user.click(screen.getByTestId("licence-cancel-1"));
    expect(await screen.findByText(/Its add-ons are cancelled with it: Softaculous \(licence 3\)/)).toBeInTheDocument();
    await user.click(screen.getByTestId("licence-cancel-confirm"));
    await waitFor(() => expect(backend.callsOf("change_server_licence")).toHaveLength(2));
    expect((backend.callsOf("change_server_licence")[1].args.change as ServerLicenceChange)).toEqual({ licence: "1", buy: false, confirm: true });
    expect(await screen.findByTestId("licences-none")).toBeInTheDocument();
  });

  it("takes a typed licence id when VPS.NET does not list the licences", async () => {
    const { backend } = withVpsnet();
    backend.on("server_resources", () => ({
      name: "Web Server 01", nodes: 1, daily_nodes: 0, storage_nodes: 0, ram_nodes: 0, bandwidth_nodes: 0, backups: false,
      rsync_backups: false, r1soft_backups: false, consumer_id: null, delayed_storage_until: null,
    }));
    backend.on("server_licences", () => ({ offered_known: false, licences: [{ id: "1", name: "cPanel", kind: "control_panel", held: true }] }));
    backend.on("change_server_licence", () => {
      throw { kind: "validation", message: "check the fields", fields: [{ field: "licence", message: "9 is not what VPS.NET sells" }] };
    });
    const { user } = renderApp();
    await openTab(user, "resources");
    const id = await screen.findByTestId("licence-buy-id");
    expect(screen.queryByTestId("licence-buy-select")).toBeNull();
    await user.type(id, "6");
    await user.click(screen.getByTestId("licence-buy"));
    expect(await screen.findByTestId("licence-error")).toHaveTextContent("cancel cPanel (licence 1) first");
    await retype(user, id, "9");
    await user.click(screen.getByTestId("licence-buy"));
    expect(await screen.findByText(/licence 9 is billed by VPS.NET/)).toBeInTheDocument();
    await user.click(screen.getByTestId("licence-buy-confirm"));
    await waitFor(() => expect(id).toHaveAccessibleDescription(/9 is not what VPS.NET sells/));
    expect(id).toHaveValue("9");
    expect(backend.callsOf("change_server_licence")[0].args.change).toEqual({ licence: "9", buy: true, confirm: true });
  });

  it("shows the provider's refusal of a licence purchase under that field", async () => {
    const { backend } = withVpsnet();
    backend.on("server_resources", () => ({
      name: "Web Server 01", nodes: 1, daily_nodes: 0, storage_nodes: 0, ram_nodes: 0, bandwidth_nodes: 0, backups: false,
      rsync_backups: false, r1soft_backups: false, consumer_id: null, delayed_storage_until: null,
    }));
    backend.on("server_licences", () => ({ offered_known: true, licences: [{ id: "6", name: "ISPmanager", kind: "control_panel", held: false }] }));
    backend.on("change_server_licence", () => {
      throw ipcError("validation", "licence: the server already has ISPmanager", [{ field: "licence", message: "the server already has ISPmanager" }]);
    });
    const { user } = renderApp();
    await openTab(user, "resources");
    const pick = await screen.findByTestId("licence-buy-select");
    await user.click(pick);
    await user.click(await screen.findByRole("option", { name: /ISPmanager/ }));
    await user.click(screen.getByTestId("licence-buy"));
    await user.click(await screen.findByTestId("licence-buy-confirm"));
    await waitFor(() => expect(pick).toHaveAccessibleDescription("the server already has ISPmanager"));
    expect(pick).toHaveValue("ISPmanager (licence 6) · Control panel");
    expect(screen.queryByTestId("licence-error")).toBeNull();
  });
});
