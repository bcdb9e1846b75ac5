import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DnsRecord, ImportPlan, RecordInput, Zone } from "../api/bindings";
import { installMockBackend, ipcError, type MockBackend } from "../api/mockBackend";
import { stateWith, type Declared } from "./declared";
import { isIPv6, quoteTxt, txtError, validateRecord } from "../lib/dnsValidation";
import { renderApp, retype } from "./render";

type User = ReturnType<typeof renderApp>["user"];

// VPS.NET declares DNS; Vultr's v1 API has none (its note comes from the provider registry).
const ACCOUNTS: Declared[] = [
  { id: "demo-vpsnet", name: "Demo VPS.NET", provider: "vpsnet", capabilities: ["dns"] },
  { id: "demo-vultr", name: "Demo Vultr", provider: "vultr", capabilities: [] },
];

const ZONES: Zone[] = [{ id: "52", name: "demodomain2.com", serial: "1", created_at: null, updated_at: null }];

function rec(id: string, type: DnsRecord["type"], host: string, data: string, extra: Partial<DnsRecord> = {}): DnsRecord {
  return { id, type, host, data, ttl: 3600, ...extra };
}

function install(): { backend: MockBackend; records: DnsRecord[] } {
  const backend = installMockBackend(stateWith(ACCOUNTS));
  const records: DnsRecord[] = [
    rec("1", "SOA", "@", "dns1.vps.net.", { ttl: 86400 }),
    rec("2", "A", "www", "68.169.40.5"),
    rec("3", "MX", "@", "mx1.demodomain2.com.", { priority: 10 }),
    rec("4", "MX", "@", "mx2.demodomain2.com.", { priority: 20, ttl: 600 }),
    rec("5", "SRV", "_imaps._tcp", "mx1.demodomain2.com.", { priority: 0, weight: 1, port: 993 }),
    rec("6", "TXT", "@", "v=spf1 mx -all"),
  ];
  backend.on("dns_zones", (args) => {
    if (args.account_id !== "demo-vpsnet") throw ipcError("unsupported", "no DNS");
    return ZONES;
  });
  backend.on("dns_records", () => structuredClone(records));
  backend.on("dns_add_record", (args) => {
    const r = args.record as RecordInput;
    records.push(rec(String(100 + records.length), r.type!, r.host, r.data, { priority: r.priority ?? undefined }));
    return null;
  });
  backend.on("dns_update_record", () => null);
  backend.on("dns_delete_records", (args) => (args.record_ids as string[]).map((id) => ({ id, error: null })));
  backend.on("dns_find_address", (args) =>
    records.filter((r) => r.data === args.address).map((record) => ({ account: "Demo VPS.NET", account_id: "demo-vpsnet", zone_id: "52", zone: "demodomain2.com", record })),
  );
  return { backend, records };
}

function openDns(hash = "#/dns") {
  window.location.hash = hash;
  return renderApp();
}

async function choose(user: User, testId: string, option: string) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole("option", { name: option }));
}

const rows = () => screen.getAllByTestId(/^dns-record-/).map((r) => r.getAttribute("data-testid"));

describe("DNS page", () => {
  it("shows the zone's records, filters by type and name, sorts, and keeps SOA read-only", async () => {
    install();
    const { user } = openDns();
    const table = await screen.findByTestId("dns-records-table");
    expect(within(table).getByTestId("dns-record-5")).toHaveTextContent("priority 0 · weight 1 · port 993");
    expect(within(screen.getByTestId("dns-record-1")).getByText("read-only")).toBeInTheDocument();
    expect(screen.queryByTestId("dns-edit-1")).toBeNull();
    expect(screen.queryByTestId("dns-select-1")).toBeNull();

    await choose(user, "dns-filter-type", "MX");
    expect(rows()).toEqual(["dns-record-3", "dns-record-4"]);
    await user.click(screen.getByTestId("dns-sort-ttl"));
    expect(rows()).toEqual(["dns-record-4", "dns-record-3"]);
    await user.click(screen.getByTestId("dns-sort-ttl"));
    expect(rows()).toEqual(["dns-record-3", "dns-record-4"]);
    await user.click(screen.getByLabelText("Filter by type").parentElement!.querySelector("button")!);
    await user.type(screen.getByTestId("dns-filter-host"), "imaps");
    expect(rows()).toEqual(["dns-record-5"]);
  });

  it("says where to manage DNS for a provider without a DNS API", async () => {
    install();
    const { user } = openDns();
    await screen.findByTestId("dns-records-table");
    await choose(user, "dns-account", "Demo Vultr (no DNS API)");
    const note = await screen.findByTestId("dns-unsupported");
    expect(note).toHaveTextContent("only reverse DNS");
    expect(within(note).getByRole("link")).toHaveAttribute("href", "https://my.vultr.com/dns/");
    expect(screen.queryByTestId("dns-records-table")).toBeNull();
  });

  it("refuses an invalid A record next to the field without sending it, and the fields follow the type", async () => {
    const { backend } = install();
    const { user } = openDns();
    await user.click(await screen.findByTestId("dns-add-record"));
    const form = await screen.findByTestId("record-form");
    expect(within(form).queryByTestId("record-priority")).toBeNull();
    await user.type(within(form).getByTestId("record-host"), "api");
    await user.type(within(form).getByTestId("record-data"), "203.0.113.300");
    await user.click(within(form).getByTestId("record-submit"));
    expect(await within(form).findByText(/is not an IPv4 address/)).toBeInTheDocument();
    expect(backend.callsOf("dns_add_record")).toHaveLength(0);

    await choose(user, "record-type", "SRV");
    for (const id of ["record-priority", "record-weight", "record-port"]) expect(within(form).getByTestId(id)).toBeInTheDocument();
    await choose(user, "record-type", "MX");
    expect(within(form).getByTestId("record-priority")).toBeInTheDocument();
    expect(within(form).queryByTestId("record-port")).toBeNull();
  });

  it("adds an MX record with its priority and shows the core's field errors where they belong", async () => {
    const { backend } = install();
    const { user } = openDns();
    await user.click(await screen.findByTestId("dns-add-record"));
    const form = await screen.findByTestId("record-form");
    await choose(user, "record-type", "MX");
    await user.type(within(form).getByTestId("record-host"), "@");
    await user.type(within(form).getByTestId("record-data"), "mx3.demodomain2.com");
    await user.type(within(form).getByTestId("record-priority"), "30");
    backend.on("dns_add_record", () => {
      throw ipcError("validation", "host: @ is a CNAME", [{ field: "host", message: "@ is a CNAME; no other record can sit beside it" }]);
    });
    await user.click(within(form).getByTestId("record-submit"));
    expect(await within(form).findByText(/no other record can sit beside it/)).toBeInTheDocument();
    expect(within(form).getByTestId("record-host"), "the refusal sits under the name field").toHaveAccessibleDescription(/no other record can sit beside it/);
    expect(within(form).queryByTestId("record-form-error")).toBeNull();
    const call = backend.callsOf("dns_add_record")[0].args;
    expect(call.zone).toBe("52");
    expect(call.record).toMatchObject({ type: "MX", host: "@", data: "mx3.demodomain2.com", priority: 30 });
  });

  it("edits a record in place and deletes several after confirming", async () => {
    const { backend } = install();
    const { user } = openDns();
    await user.click(await screen.findByTestId("dns-edit-4"));
    const form = await screen.findByTestId("record-form");
    const priority = within(form).getByTestId("record-priority");
    await retype(user, priority, "25");
    await user.click(within(form).getByTestId("record-submit"));
    await waitFor(() => expect(backend.callsOf("dns_update_record")).toHaveLength(1));
    expect(backend.callsOf("dns_update_record")[0].args).toMatchObject({ record_id: "4", record: { type: "MX", priority: 25, data: "mx2.demodomain2.com." } });

    await user.click(screen.getByTestId("dns-select-2"));
    await user.click(screen.getByTestId("dns-select-6"));
    await user.click(screen.getByTestId("dns-bulk-delete"));
    const confirm = await screen.findByTestId("dns-confirm-delete");
    expect(confirm).toHaveTextContent("68.169.40.5");
    expect(backend.callsOf("dns_delete_records")).toHaveLength(0);
    await user.click(within(confirm).getByTestId("dns-confirm-delete-button"));
    await waitFor(() => expect(backend.callsOf("dns_delete_records")).toHaveLength(1));
    expect(backend.callsOf("dns_delete_records")[0].args.record_ids).toEqual(["2", "6"]);
  });

  it("previews an import (add / change / unchanged) before applying it, then shows each record's result", async () => {
    const { backend } = install();
    const plan: ImportPlan = {
      add: [{ line: 3, record: { type: "A", host: "api", data: "203.0.113.9", ttl: 3600, priority: null, weight: null, port: null, service_type: null } }],
      change: [],
      unchanged: [{ line: 2, record: { type: "A", host: "www", data: "68.169.40.5", ttl: 3600, priority: null, weight: null, port: null, service_type: null } }],
      skipped: [],
    };
    backend.on("dns_import_plan", () => plan);
    backend.on("dns_import", () => [{ line: 3, action: "add", record: plan.add[0].record, error: null }]);
    const { user } = openDns();
    await user.click(await screen.findByTestId("dns-import"));
    await user.type(await screen.findByTestId("dns-import-text"), "www A 68.169.40.5{enter}api A 203.0.113.9");
    expect(screen.getByTestId("dns-import-apply")).toBeDisabled();
    await user.click(screen.getByTestId("dns-import-preview-button"));
    expect(await screen.findByTestId("dns-import-add-count")).toHaveTextContent("to add: 1");
    expect(screen.getByTestId("dns-import-unchanged-count")).toHaveTextContent("unchanged: 1");
    expect(backend.callsOf("dns_import")).toHaveLength(0);
    await user.click(screen.getByTestId("dns-import-apply"));
    const results = await screen.findByTestId("dns-import-results");
    expect(within(results).getByText("done")).toBeInTheDocument();
  });

  it("lists the records that point at a server's address (the link from the server drawer)", async () => {
    install();
    openDns("#/dns?ip=68.169.40.5");
    const hits = await screen.findByTestId("dns-address-hits");
    expect(await within(hits).findByTestId("dns-address-hit-2")).toHaveTextContent("A www.demodomain2.com");
  });
});

describe("record validation mirrors the core", () => {
  const input = (type: RecordInput["type"], host: string, data: string, extra: Partial<RecordInput> = {}): RecordInput => ({
    type, host, data, ttl: null, priority: null, weight: null, port: null, service_type: null, ...extra,
  });

  it("checks each type's fields", () => {
    expect(validateRecord(input("A", "www", "203.0.113.10"), "example.com")).toEqual({});
    expect(validateRecord(input("A", "www", "01.2.3.4"), "example.com").data).toMatch(/IPv4/);
    expect(validateRecord(input("AAAA", "www", "2001:db8::10"), "example.com")).toEqual({});
    expect(isIPv6("2001:db8:::1")).toBe(false);
    expect(validateRecord(input("CNAME", "@", "www.example.com"), "example.com").host).toMatch(/apex/);
    expect(validateRecord(input("MX", "@", "mail.example.com"), "example.com").priority).toMatch(/required/);
    expect(validateRecord(input("MX", "@", "203.0.113.5", { priority: 10 }), "example.com").data).toMatch(/not an address/);
    const srv = validateRecord(input("SRV", "sip", "sip.example.com", { priority: 1, port: 0 }), "example.com");
    expect(Object.keys(srv).sort()).toEqual(["host", "port", "weight"]);
    expect(validateRecord(input("A", "www.other.org.", "203.0.113.1"), "example.com").host).toMatch(/outside the zone/);
    expect(validateRecord(input("A", "www", "203.0.113.1", { ttl: 30 }), "example.com").ttl).toMatch(/TTL/);
    expect(validateRecord(input("FAILOVER", "www", "64.152.33.1"), "example.com").data).toMatch(/backup/);
  });

  it("TXT quoting and 255-byte strings", () => {
    expect(txtError("v=spf1 -all")).toBeNull();
    expect(txtError('say "hi"')).toMatch(/unbalanced/);
    expect(txtError('"open')).toMatch(/not closed/);
    expect(txtError("x".repeat(256))).toMatch(/split/);
    expect(txtError(quoteTxt("x".repeat(600)))).toBeNull();
    expect(quoteTxt('a"b')).toBe('"a\\"b"');
  });
});
