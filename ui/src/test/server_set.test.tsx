import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Server, ServerChanges } from "../api/bindings";
import { demoState, grant, installMockBackend, ipcError } from "../api/mockBackend";
import { visibleTabs } from "../features/servers/tabs/ServerTabs";
import { hasChanges, serverChanges, serverSetValues } from "../features/servers/tabs/serverSet";
import { renderApp, retype } from "./render";

const DETAILS = [
  { label: "cpu", value: "2000" },
  { label: "smp", value: "1" },
  { label: "mem", value: "2048" },
  { label: "boot", value: "ide:0:0" },
  { label: "nic:0:model", value: "e1000" },
  { label: "nic:0:dhcp", value: "91.203.56.133" },
  { label: "vnc:ip", value: "91.203.56.133" },
];

/** srv-1003 ("db-main") belongs to the demo CloudSigma account; here it carries CloudSigma's keys. */
function withServer() {
  const state = demoState();
  grant(state, "demo-cloudsigma", ["servers.set"]);
  const db = state.servers.find((s) => s.id === "srv-1003")!;
  db.details = structuredClone(DETAILS);
  const backend = installMockBackend(state);
  backend.on("list_jobs", () => []);
  backend.on("set_server", () => structuredClone(db));
  return backend;
}

async function openSettings() {
  const r = renderApp();
  await r.user.click(await screen.findByTestId("server-row-demo-cloudsigma-srv-1003"));
  await r.user.click(await screen.findByTestId("detail-tab-server-set"));
  return r;
}

describe("CloudSigma server settings", () => {
  it("reads the form from the server and sends only what changed, the password only when typed", () => {
    const server = { details: DETAILS } as Server;
    const before = serverSetValues(server);
    expect(before).toMatchObject({ cpu: "2000", smp: "1", mem: "2048", nic0_model: "e1000", vnc_tls: false, vnc_password: "" });
    expect(hasChanges(serverChanges(before, before).changes)).toBe(false);
    const { changes, invalid } = serverChanges(before, { ...before, cpu: "4000", smp: "2", mem: "", vnc_password: "s3cret" });
    expect(invalid).toEqual([]);
    expect(changes).toMatchObject({ cpu: 4000, smp: "2", mem: null, name: null, drives: [], vnc_tls: false, vnc_password: "s3cret" });
    expect(serverChanges(before, { ...before, mem: "2 GB" }).invalid).toEqual([{ field: "mem", message: "write a whole number" }]);
    const drive = serverChanges(before, { ...before, drive_slot: "ide:1:0", drive_uuid: "7e8ab721-81c9-4cb9-a651-4cafbfe1501c", drive_media: "cdrom" }).changes;
    expect(drive.drives).toEqual([{ slot: "ide:1:0", drive: "7e8ab721-81c9-4cb9-a651-4cafbfe1501c", media: "cdrom" }]);
  });

  it("is a tab of the accounts whose provider offers it", () => {
    expect(visibleTabs(["servers.set"])).toEqual(["server-set"]);
    expect(visibleTabs(["servers.start"])).toEqual([]);
  });

  it("saves the changed settings from the drawer", async () => {
    const backend = withServer();
    const { user } = await openSettings();
    const cpu = await screen.findByTestId("server-set-cpu");
    expect(cpu).toHaveValue("2000");
    expect(screen.getByTestId("server-set-save")).toBeDisabled();
    await retype(user, cpu, "4000");
    await retype(user, screen.getByTestId("server-set-smp"), "2");
    await user.type(screen.getByTestId("server-set-vnc_password"), "n3w-VNC-pass");
    await user.click(screen.getByTestId("server-set-save"));
    await waitFor(() => expect(backend.callsOf("set_server")).toHaveLength(1));
    const args = backend.callsOf("set_server")[0].args as { account_id: string; server_id: string; changes: ServerChanges };
    expect(args).toMatchObject({ account_id: "demo-cloudsigma", server_id: "srv-1003" });
    expect(args.changes).toMatchObject({ cpu: 4000, smp: "2", mem: null, nic0_model: null, vnc_password: "n3w-VNC-pass", vnc_tls: false });
    await waitFor(() => expect(screen.getByTestId("server-set-vnc_password")).toHaveValue(""));
  });

  it("puts a refused setting under its field", async () => {
    const backend = withServer();
    backend.on("set_server", () => {
      throw ipcError("validation", "cpu: 1 processors need 1000 to 2200 core MHz", [{ field: "cpu", message: "1 processors need 1000 to 2200 core MHz (1 to 2.2 GHz each)" }]);
    });
    const { user } = await openSettings();
    await retype(user, await screen.findByTestId("server-set-cpu"), "4000");
    await user.click(screen.getByTestId("server-set-save"));
    const form = screen.getByTestId("server-set-form");
    expect(await within(form).findByText("1 processors need 1000 to 2200 core MHz (1 to 2.2 GHz each)")).toBeInTheDocument();
    expect(screen.queryByTestId("server-set-save-error")).toBeNull();
  });
});
