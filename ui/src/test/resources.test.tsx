import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Capability, Drive, Job, ProfileField, ServerGroup, StaticIp, Vlan } from "../api/bindings";
import { demoState, grant, installMockBackend, ipcError, type MockBackend } from "../api/mockBackend";
import { renderApp, retype } from "./render";

const CS_EXTRAS: Capability[] = [
  "account.drives", "drives.transfer", "servers.clone", "servers.bulk", "account.vlans", "account.static_ips",
  "account.server_groups", "account.profile",
];

/** The doc's drive examples. */
const GENTOO: Drive = { id: "7e8ab721-81c9-4cb9-a651-4cafbfe1501c", name: "gentoo-livecd", size_bytes: 1073741824, status: "active", claimed_by: null, ssd: false };
const ROOT1: Drive = { id: "74744450-d338-4087-b3b8-59b505110a57", name: "root1", size_bytes: 5368709120, status: "active", claimed_by: "28644a70-9e81-4a3e-85ea-91129f724034", ssd: false };

function withCloudsigma(): { backend: MockBackend; drives: Drive[]; jobs: Job[]; groups: ServerGroup[]; choose: (path: string | null) => void } {
  const backend = installMockBackend(demoState());
  const drives = [GENTOO, ROOT1];
  const jobs: Job[] = [];
  const vlans: Vlan[] = [{ id: "6e2d1f6a-03c8-422b-bc8e-d744612cf46a", name: "My VLAN" }];
  const ips: StaticIp[] = [{ ip: "91.203.56.71", name: null, netmask: "255.255.255.0", gateway: "91.203.56.1", nameservers: ["91.203.56.1"] }];
  const groups: ServerGroup[] = [{ id: "92f5ba00-7851-4ebf-9c0f-b5311ceed042", name: "Database servers", description: "all kind of database servers" }];
  const profile: ProfileField[] = [
    { key: "email", label: "Email", value: "foo.bar@example.com", editable: true, required: true },
    { key: "company", label: "Company", value: "", editable: true, required: false },
  ];
  grant(backend.state, "demo-cloudsigma", CS_EXTRAS);
  backend.on("list_jobs", () => structuredClone(jobs));
  backend.on("list_drives", () => structuredClone(drives));
  backend.on("standard_drives", () => [{ ...GENTOO, id: "a49e25b3-69f4-440b-87a8-d79fa78ace53", name: "Ubuntu Linux 12.04 LTS Server 64bit" }]);
  backend.on("create_drive", (args) => {
    const d = args.drive as { name: string; size_bytes: number };
    if (d.size_bytes <= 0) throw ipcError("validation", "size_bytes: a drive needs a size of more than 0 bytes", [{ field: "size_bytes", message: "a drive needs a size of more than 0 bytes" }]);
    const made: Drive = { id: "new-drive", name: d.name, size_bytes: d.size_bytes, status: "active", claimed_by: null, ssd: false };
    drives.push(made);
    return made;
  });
  backend.on("destroy_drive", (args) => {
    drives.splice(drives.findIndex((d) => d.id === args.drive_id), 1);
    return null;
  });
  // The backend opens the file dialog itself: `null` is the person cancelling it.
  let chosen: string | null = null;
  const choose = (path: string | null) => {
    chosen = path;
  };
  backend.on("upload_drive", (args) => {
    if (chosen === null) return null;
    const j: Job = {
      id: "job-1", kind: "drive_upload", title: `Upload ${chosen} to drive gentoo-livecd`, account: "Demo CloudSigma", account_id: "demo-cloudsigma",
      provider: "cloudsigma", server_id: null, target_id: String(args.drive_id), state: "running", stage: "Uploaded 12.0 MiB of 256.0 MiB", progress: 4,
      cancellable: true, cancel_note: null, error: null, started_at_ms: Date.now(), finished_at_ms: null,
    };
    jobs.unshift(j);
    return j;
  });
  backend.on("list_vlans", () => structuredClone(vlans));
  backend.on("create_vlan", (args) => {
    const v = { id: "new-vlan", name: String(args.name) };
    vlans.push(v);
    return v;
  });
  backend.on("list_static_ips", () => structuredClone(ips));
  backend.on("list_server_groups", () => structuredClone(groups));
  backend.on("group_power", () => ["fe467c69-6da1-4e9e-8b22-62135641ab68"]);
  backend.on("account_profile", () => structuredClone(profile));
  backend.on("set_account_profile", (args) => {
    for (const c of args.changes as { key: string; value: string }[]) profile.find((f) => f.key === c.key)!.value = c.value;
    return structuredClone(profile);
  });
  return { backend, drives, jobs, groups, choose };
}

async function openSection(user: ReturnType<typeof renderApp>["user"], label: string) {
  window.location.hash = "#/resources";
  await screen.findByTestId("resources-page");
  await user.click(await screen.findByRole("radio", { name: label }));
}

describe("CloudSigma resources", () => {
  it("copies a server: the provider's refusal shows under the name until it is edited, then the copy is sent", async () => {
    const { backend } = withCloudsigma();
    let refuse = true;
    backend.on("clone_server", (args) => {
      if (refuse) throw ipcError("validation", "CloudSigma refused the copy: fix the marked fields.", [{ field: "name", message: "a server with this name exists" }]);
      return { ...backend.state.servers.find((s) => s.account_id === "demo-cloudsigma")!, id: "copy-1", name: String(args.name) };
    });
    const { user } = renderApp();
    await openSection(user, "Bulk & copy");
    await user.click((await screen.findAllByTestId(/^fleet-copy-/))[0]);
    await user.click(screen.getByTestId("server-copy-submit"));
    expect(await screen.findByText("a server with this name exists")).toBeInTheDocument();
    expect(screen.getByTestId("server-copy-name")).toHaveAttribute("aria-invalid", "true");

    refuse = false;
    await user.type(screen.getByTestId("server-copy-name"), " 2");
    expect(screen.queryByText("a server with this name exists")).toBeNull();
    await user.click(screen.getByTestId("server-copy-submit"));
    await waitFor(() => expect(screen.queryByTestId("server-copy-form")).toBeNull());
    expect(backend.callsOf("clone_server").at(-1)!.args.name).toMatch(/ copy 2$/);
  });

  it("lists drives and standard images, creates one (refusing a zero size) and destroys a free one", async () => {
    const { backend } = withCloudsigma();
    const { user } = renderApp();
    await openSection(user, "Drives");
    const row = await screen.findByTestId(`drive-row-${GENTOO.id}`);
    expect(row).toHaveTextContent("gentoo-livecd");
    expect(row).toHaveTextContent("1.0 GB");
    expect(screen.getByTestId(`drive-destroy-${ROOT1.id}`), "an attached drive cannot be destroyed").toBeDisabled();
    expect(await screen.findByTestId("standard-table")).toHaveTextContent("Ubuntu Linux 12.04");

    await user.click(screen.getByTestId("drive-add"));
    await user.type(screen.getByTestId("drive-name"), "data");
    await retype(user, screen.getByTestId("drive-size"), "0");
    await user.click(screen.getByTestId("drive-submit"));
    expect(await screen.findByText("a drive needs a size of more than 0 bytes")).toBeInTheDocument();
    await retype(user, screen.getByTestId("drive-size"), "2");
    await user.click(screen.getByTestId("drive-submit"));
    expect(await screen.findByTestId("drive-row-new-drive")).toHaveTextContent("data");
    expect(backend.callsOf("create_drive").at(-1)!.args.drive).toMatchObject({ name: "data", size_bytes: 2 * 1024 ** 3 });

    await user.click(screen.getByTestId(`drive-destroy-${GENTOO.id}`));
    await user.click(await screen.findByTestId("drive-destroy-confirm"));
    await waitFor(() => expect(screen.queryByTestId(`drive-row-${GENTOO.id}`)).toBeNull());
  });

  it("uploads the file chosen in the backend's open dialog as a cancellable job, and starts none when the dialog is cancelled; the webview names no path", async () => {
    const { backend, jobs, choose } = withCloudsigma();
    const { user } = renderApp();
    await openSection(user, "Drives");
    await user.click(await screen.findByTestId(`drive-upload-${GENTOO.id}`));
    await user.click(await screen.findByTestId("drive-upload-confirm"));
    await waitFor(() => expect(backend.callsOf("upload_drive")).toHaveLength(1));
    expect(backend.callsOf("upload_drive")[0].args).toEqual({ account_id: "demo-cloudsigma", drive_id: GENTOO.id });
    expect(jobs).toHaveLength(0);

    choose("/home/me/disk.img");
    await user.click(screen.getByTestId(`drive-upload-${GENTOO.id}`));
    await user.click(await screen.findByTestId("drive-upload-confirm"));
    await waitFor(() => expect(backend.callsOf("upload_drive")).toHaveLength(2));
    expect(backend.callsOf("upload_drive")[1].args).toEqual({ account_id: "demo-cloudsigma", drive_id: GENTOO.id });
    expect(jobs.map((j) => j.title)).toEqual(["Upload /home/me/disk.img to drive gentoo-livecd"]);
  });

  it("creates a VLAN and lists static IPs", async () => {
    withCloudsigma();
    const { user } = renderApp();
    await openSection(user, "VLANs & IPs");
    expect(await screen.findByTestId("vlan-row-6e2d1f6a-03c8-422b-bc8e-d744612cf46a")).toHaveTextContent("My VLAN");
    expect(await screen.findByTestId("ip-row-91.203.56.71")).toHaveTextContent("255.255.255.0");
    await user.click(screen.getByTestId("vlan-add"));
    await user.type(screen.getByTestId("vlan-name"), "backend");
    await user.click(screen.getByTestId("vlan-submit"));
    expect(await screen.findByTestId("vlan-row-new-vlan")).toHaveTextContent("backend");
  });

  it("starts a server group", async () => {
    const { backend } = withCloudsigma();
    const { user } = renderApp();
    await openSection(user, "Server groups");
    const row = await screen.findByTestId("group-row-92f5ba00-7851-4ebf-9c0f-b5311ceed042");
    expect(row).toHaveTextContent("all kind of database servers");
    await user.click(within(row).getByTestId("group-start-92f5ba00-7851-4ebf-9c0f-b5311ceed042"));
    await waitFor(() => expect(backend.callsOf("group_power")).toHaveLength(1));
    expect(backend.callsOf("group_power")[0].args).toMatchObject({ action: "start" });
  });

  it("renames a server group, showing the provider's refusal under the name, and asks before removing one", async () => {
    const { backend, groups } = withCloudsigma();
    const id = "92f5ba00-7851-4ebf-9c0f-b5311ceed042";
    backend.on("rename_server_group", (args) => {
      if (args.name === "db") throw ipcError("provider", "CloudSigma refused the name", []);
      groups[0].name = String(args.name);
      return null;
    });
    backend.on("destroy_server_group", () => {
      groups.splice(0, 1);
      return null;
    });
    const { user } = renderApp();
    await openSection(user, "Server groups");
    await user.click(await screen.findByTestId(`group-rename-${id}`));
    expect(screen.getByTestId("group-name")).toHaveValue("Database servers");
    await retype(user, screen.getByTestId("group-name"), "db");
    await user.click(screen.getByTestId("group-submit"));
    expect(await within(screen.getByTestId("group-form")).findByText("CloudSigma refused the name")).toBeInTheDocument();
    await user.type(screen.getByTestId("group-name"), "-main");
    await user.click(screen.getByTestId("group-submit"));
    await waitFor(() => expect(screen.queryByTestId("group-form")).toBeNull());
    expect(await screen.findByTestId(`group-row-${id}`)).toHaveTextContent("db-main");

    await user.click(screen.getByTestId(`group-destroy-${id}`));
    await user.click(await screen.findByTestId("group-destroy-confirm"));
    expect(await screen.findByTestId("groups-empty")).toHaveTextContent("No server groups yet.");
    expect(backend.callsOf("destroy_server_group")[0].args).toMatchObject({ group_id: id });
  });

  it("saves only the changed profile fields", async () => {
    const { backend } = withCloudsigma();
    const { user } = renderApp();
    await openSection(user, "Profile");
    expect(await screen.findByTestId("profile-email")).toHaveValue("foo.bar@example.com");
    expect(screen.getByTestId("profile-save")).toBeDisabled();
    await user.type(screen.getByTestId("profile-company"), "Example AG");
    await user.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(backend.callsOf("set_account_profile")).toHaveLength(1));
    expect(backend.callsOf("set_account_profile")[0].args.changes).toEqual([{ key: "company", value: "Example AG" }]);
  });

  it("shows the provider's refusal of a profile field under that field", async () => {
    const { backend } = withCloudsigma();
    backend.on("set_account_profile", () => {
      throw ipcError("validation", "company: too long", [{ field: "company", message: "the company name is at most 60 characters" }]);
    });
    const { user } = renderApp();
    await openSection(user, "Profile");
    await user.type(await screen.findByTestId("profile-company"), "Example AG");
    await user.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(screen.getByTestId("profile-company")).toHaveAccessibleDescription("the company name is at most 60 characters"));
    expect(screen.getByTestId("profile-company")).toHaveValue("Example AG");
  });
});
