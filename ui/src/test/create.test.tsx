import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoState, installMockBackend, ipcError } from "../api/mockBackend";
import { renderApp } from "./render";

type User = ReturnType<typeof renderApp>["user"];

async function choose(user: User, testId: string, option: string | RegExp) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole("option", { name: option }));
}

/** The form's plan lookups (the servers table also asks for every plan, with region null, for plan names). */
function regionPlanCalls(backend: ReturnType<typeof installMockBackend>) {
  return backend.callsOf("catalog_plans").filter((c) => c.args.region !== null);
}

async function openCreate(user: User) {
  await screen.findByTestId("servers-table");
  await user.click(screen.getByTestId("create-server-button"));
  return screen.findByTestId("create-form");
}

describe("create server form", () => {
  it("loads the plans of the chosen region only", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    const form = await openCreate(user);

    // Only accounts that can create servers are offered (Demo VPS.NET cannot).
    await user.click(screen.getByTestId("create-account"));
    expect(screen.queryByRole("option", { name: /Demo VPS\.NET/ })).toBeNull();
    await user.click(await screen.findByRole("option", { name: /Demo Vultr/ }));

    // No plan before a region is chosen.
    expect(screen.getByTestId("create-plan")).toBeDisabled();
    expect(regionPlanCalls(backend)).toHaveLength(0);

    await choose(user, "create-region", "Frankfurt (DE)");
    await waitFor(() =>
      expect(regionPlanCalls(backend).at(-1)?.args).toEqual({ account_id: "demo-vultr", region: "fra" }),
    );
    await user.click(screen.getByTestId("create-plan"));
    expect(await screen.findByRole("option", { name: "vc2-1c-2gb — 1 vCPU · 2 GB RAM · 55 GB disk · $10.00/mo" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: /vc2-2c-4gb/ })).toBeNull();
    await user.keyboard("{Escape}");

    await choose(user, "create-region", "Amsterdam (NL)");
    await waitFor(() =>
      expect(regionPlanCalls(backend).at(-1)?.args).toEqual({ account_id: "demo-vultr", region: "ams" }),
    );
    await user.click(screen.getByTestId("create-plan"));
    expect(await screen.findByRole("option", { name: /vc2-2c-4gb — 2 vCPU · 4 GB RAM/ })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: /vc2-1c-2gb/ })).toBeNull();
    await user.click(screen.getByRole("option", { name: /vc2-2c-4gb/ }));

    // Validation before submit: name and image are missing.
    await user.click(within(form).getByTestId("create-submit"));
    expect(await screen.findByText("Enter a name")).toBeInTheDocument();
    expect(screen.getByText("Choose an image")).toBeInTheDocument();
    expect(backend.callsOf("create_server")).toHaveLength(0);

    await user.type(screen.getByTestId("create-name"), "api-7");
    await choose(user, "create-image", "Debian 12 (x64)");
    await user.click(screen.getByTestId("create-submit"));

    await waitFor(() => expect(screen.queryByTestId("create-form")).toBeNull());
    expect(backend.callsOf("create_server")[0].args).toEqual({
      account_id: "demo-vultr",
      request: { name: "api-7", region: "ams", plan: "vc2-2c-4gb", image: "debian-12", cpu_mhz: null, mem_mb: null, ssh_keys: [], script: null },
    });
    expect(await screen.findByText("Server created")).toBeInTheDocument();
    const row = await screen.findByTestId("server-row-demo-vultr-new-1");
    expect(row).toHaveTextContent("api-7");
    expect(within(row).getByTestId("status-demo-vultr-new-1")).toHaveTextContent("pending");
  });

  it("asks for CPU and memory instead of a plan on freely sized providers", async () => {
    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await openCreate(user);

    await choose(user, "create-account", /Demo CloudSigma/);
    expect(await screen.findByTestId("create-cpu")).toBeInTheDocument();
    expect(screen.getByTestId("create-mem")).toBeInTheDocument();
    expect(screen.queryByTestId("create-plan")).toBeNull();

    await user.type(screen.getByTestId("create-name"), "sigma-1");
    await choose(user, "create-region", "Frankfurt (DE)");
    await choose(user, "create-image", "Ubuntu 24.04 LTS (x64)");
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText("Enter the CPU speed in MHz")).toBeInTheDocument();

    await user.type(screen.getByTestId("create-cpu"), "2000");
    await user.type(screen.getByTestId("create-mem"), "2048");
    await user.click(screen.getByTestId("create-submit"));
    await waitFor(() => expect(backend.callsOf("create_server")).toHaveLength(1));
    expect(backend.callsOf("create_server")[0].args.request).toMatchObject({ plan: null, cpu_mhz: 2000, mem_mb: 2048 });
  });

  it("shows the backend's field errors next to the fields and keeps the form open", async () => {
    const backend = installMockBackend(demoState());
    backend.on("create_server", () => {
      throw ipcError("validation", "Vultr refused the request: fix the marked fields.", [
        { field: "name", message: "A server called web-1 already exists in this account" },
      ]);
    });
    const { user } = renderApp();
    await openCreate(user);
    await choose(user, "create-account", /Demo Vultr/);
    await user.type(screen.getByTestId("create-name"), "web-1");
    await choose(user, "create-region", "Amsterdam (NL)");
    await choose(user, "create-plan", /vc2-1c-1gb/);
    await choose(user, "create-image", "Debian 12 (x64)");
    await user.click(screen.getByTestId("create-submit"));

    expect(await screen.findByText("A server called web-1 already exists in this account")).toBeInTheDocument();
    expect(screen.getByTestId("create-error")).toHaveTextContent("Vultr refused the request: fix the marked fields.");
    expect(screen.getByTestId("create-form")).toBeInTheDocument();
    expect(screen.getByTestId("create-name")).toHaveAttribute("aria-invalid", "true");
  });
});
