import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoState, installMockBackend } from "../api/mockBackend";
import { dnsAddressPath, newTicketPath, serverTarget, pageOf } from "../routes";
import { renderApp } from "./render";

describe("routes", () => {
  it("keep every page in the URL hash, and Back returns to the page before", async () => {
    installMockBackend(demoState());
    window.location.hash = "#/billing";
    const { user } = renderApp();
    expect(await screen.findByTestId("nav-billing")).toHaveAttribute("aria-current", "page");

    await user.click(screen.getByTestId("nav-accounts"));
    expect(await screen.findByTestId("accounts-table")).toBeInTheDocument();
    expect(window.location.hash).toBe("#/accounts");

    window.history.back();
    await waitFor(() => expect(screen.getByTestId("nav-billing")).toHaveAttribute("aria-current", "page"));
    expect(window.location.hash).toBe("#/billing");
  });

  it("show the servers for a path that names no page", async () => {
    installMockBackend(demoState());
    window.location.hash = "#/no-such-page";
    renderApp();
    expect(await screen.findByTestId("servers-table")).toBeInTheDocument();
    expect(screen.getByTestId("nav-servers")).toHaveAttribute("aria-current", "page");
  });

  it("carry the ids of a new ticket's server and the address of a DNS search in the query", () => {
    expect(pageOf("/dns")).toBe("dns");
    expect(pageOf("/")).toBe("servers");
    const ticket = new URL(`http://x${newTicketPath("acc 1", "srv&2")}`);
    expect(ticket.pathname).toBe("/tickets");
    expect(serverTarget(ticket.searchParams)).toEqual({ accountId: "acc 1", serverId: "srv&2" });
    expect(serverTarget(new URLSearchParams("account=a"))).toBeNull();
    expect(dnsAddressPath("2001:db8::1")).toBe("/dns?ip=2001%3Adb8%3A%3A1");
  });
});
