import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RecordInput } from "../api/bindings";
import { demoState, installMockBackend, type MockBackend } from "../api/mockBackend";
import { stateWith } from "./declared";
import { validateRecord } from "../lib/dnsValidation";
import { renderApp } from "./render";

/**
 * Bad input in every form that sends something: empty, huge (pasted files)
 * and control characters are refused next to the field, and no command is
 * invoked. The rules mirror the core's (lib/textRules.ts).
 */

type User = ReturnType<typeof renderApp>["user"];

const HUGE = "x".repeat(100_000);
const BAD_NAMES: [string, string, RegExp][] = [
  ["empty", "   ", /Enter a name/],
  ["huge", HUGE, /At most 64 characters/],
  ["a bell", "web\u0007", /No control characters/],
  ["an escape sequence", "\u001b[31mred", /No control characters/],
  ["DEL", "web\u007f", /No control characters/],
  // Inside the name: around it, U+0085 is white space the core trims (text-rules-cases.json).
  ["a C1 control", "web\u0085one", /No control characters/],
];

/** Sets a controlled input's value at once (typing 100,000 characters would take minutes). */
function set(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function choose(user: User, testId: string, option: string | RegExp) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole("option", { name: option }));
}

function sent(backend: MockBackend, cmd: string) {
  return backend.callsOf(cmd).length;
}

describe("bad input is refused before anything is sent", () => {
  it.each(BAD_NAMES)("add account: a name with %s", async (_what, name, message) => {
    const backend = installMockBackend(demoState());
    window.location.hash = "#/accounts";
    const { user } = renderApp();
    await user.click(await screen.findByTestId("add-account-button"));
    await screen.findByTestId("add-account-form");
    await choose(user, "account-provider", "Vultr");
    set("account-name", name);
    set("account-secret", "k");
    await user.click(screen.getByTestId("account-submit"));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(sent(backend, "add_account")).toBe(0);
  });

  it.each([
    ["a script URL", "javascript:alert(1)"],
    ["plain http to another host", "http://example.com"],
    ["a huge host", `https://${HUGE}.com/path`],
  ])("add account: an endpoint with %s", async (_what, endpoint) => {
    const backend = installMockBackend(demoState());
    window.location.hash = "#/accounts";
    const { user } = renderApp();
    await user.click(await screen.findByTestId("add-account-button"));
    await screen.findByTestId("add-account-form");
    await choose(user, "account-provider", "Vultr");
    set("account-name", "Work");
    set("account-secret", "k");
    await user.click(screen.getByTestId("account-advanced"));
    await screen.findByTestId("account-endpoint");
    set("account-endpoint", endpoint);
    await user.click(screen.getByTestId("account-submit"));
    await waitFor(() => expect(screen.getByTestId("account-endpoint")).toHaveAttribute("aria-invalid", "true"));
    expect(sent(backend, "add_account")).toBe(0);
  });

  it.each(BAD_NAMES)("create server: a name with %s", async (_what, name, message) => {
    const backend = installMockBackend(demoState());
    window.location.hash = "#/";
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    await user.click(screen.getByTestId("create-server-button"));
    await screen.findByTestId("create-form");
    await choose(user, "create-account", /Demo Vultr/);
    set("create-name", name);
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(sent(backend, "create_server")).toBe(0);
  });

  it.each(BAD_NAMES)("rename an account: a name with %s", async (_what, name, message) => {
    const backend = installMockBackend(demoState());
    window.location.hash = "#/accounts";
    const { user } = renderApp();
    await screen.findByTestId("accounts-table");
    await user.click(screen.getByTestId("account-rename-demo-vultr"));
    await screen.findByTestId("rename-input");
    set("rename-input", name);
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByTestId("rename-submit")).toBeDisabled();
    fireEvent.submit(screen.getByTestId("rename-input").closest("form")!);
    expect(sent(backend, "rename_account")).toBe(0);
  });

  it.each([
    ["an empty subject", "", "It broke", "subject", /a ticket needs a subject/],
    ["a huge subject", HUGE, "It broke", "subject", /at most 200 characters/],
    ["a subject with a bell", "ring\u0007", "It broke", "subject", /at most 200 characters/],
    ["an empty message", "Invoice", "  \n ", "body", /the message is empty/],
    ["a 1 MB message", "Invoice", "m".repeat(1 << 20), "body", /over 64 KB/],
  ])("new ticket: %s", async (_what, subject, body, _field, message) => {
    const backend = installMockBackend(stateWith([{ id: "demo-vpsnet", name: "Demo VPS.NET", provider: "vpsnet", capabilities: ["tickets"] }]));
    backend.on("list_tickets", () => ({ tickets: [], errors: [] }));
    window.location.hash = "#/tickets";
    const { user } = renderApp();
    await user.click(await screen.findByTestId("new-ticket-button"));
    await choose(user, "new-ticket-department", "Billing");
    set("new-ticket-subject", subject);
    set("new-ticket-body", body);
    await user.click(screen.getByTestId("new-ticket-submit"));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(sent(backend, "open_ticket")).toBe(0);
  });

  it("DNS record: empty, huge and control-character values are refused per field", () => {
    const base: RecordInput = { type: "A", host: "www", data: "192.0.2.1", ttl: 3600, priority: null, weight: null, port: null, service_type: null };
    const cases: [Partial<RecordInput>, string][] = [
      [{ data: "" }, "data"],
      [{ data: "192.0.2.1\u0000" }, "data"],
      [{ host: HUGE }, "host"],
      [{ host: "ww\u001bw" }, "host"],
      [{ type: "TXT", data: HUGE }, "data"],
      [{ type: "TXT", data: "v=spf1\u0007" }, "data"],
      [{ type: "MX", data: "mx.example.com.", priority: -1 }, "priority"],
      [{ ttl: 0 }, "ttl"],
    ];
    for (const [change, field] of cases) {
      const errors = validateRecord({ ...base, ...change }, "example.com");
      expect(Object.keys(errors), JSON.stringify(change).slice(0, 80)).toContain(field);
    }
  });
});
