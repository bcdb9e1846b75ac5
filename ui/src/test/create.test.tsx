import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoState, grant, IMAGES, installMockBackend, ipcError } from "../api/mockBackend";
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

/** The create form filled in for a small Vultr server in Amsterdam, not yet sent. */
async function orderOnVultr(user: User, name: string) {
  await openCreate(user);
  await choose(user, "create-account", /Demo Vultr/);
  await user.type(screen.getByTestId("create-name"), name);
  await choose(user, "create-region", "Amsterdam (NL)");
  await choose(user, "create-plan", /vc2-1c-1gb/);
  await choose(user, "create-image", "Debian 12 (x64)");
}

describe("create server form", () => {
  it("offers only the images of the chosen region, asking again when it changes", async () => {
    const backend = installMockBackend(demoState());
    backend.on("catalog_images", (args) => (args.region === "fra" ? IMAGES.filter((i) => i.id === "debian-12") : IMAGES));
    const { user } = renderApp();
    await openCreate(user);
    await choose(user, "create-account", /Demo Vultr/);
    await choose(user, "create-region", "Amsterdam (NL)");
    await choose(user, "create-image", "Ubuntu 22.04 LTS (x64)");
    await choose(user, "create-region", "Frankfurt (DE)");
    await waitFor(() => expect(backend.callsOf("catalog_images").at(-1)?.args).toEqual({ account_id: "demo-vultr", region: "fra" }));
    expect(screen.getByTestId("create-image"), "a new region forgets the image chosen for the old one").toHaveValue("");
    await user.click(screen.getByTestId("create-image"));
    expect(await screen.findByRole("option", { name: "Debian 12 (x64)" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Ubuntu 22.04 LTS (x64)" }), "Frankfurt does not offer it").toBeNull();
  });

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
      request: {
        name: "api-7",
        region: "ams",
        plan: "vc2-2c-4gb",
        image: "debian-12",
        cpu_mhz: null,
        mem_mb: null,
        ssh_keys: [],
        script: null,
        hostname: null,
        auto_backups: false,
        ipv6: false,
        private_network: false,
        iso: null,
        snapshot: null,
        ipxe_url: null,
        licences: [],
        confirm_charges: false,
        instant_country: null,
      },
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
    await orderOnVultr(user, "web-1");
    await user.click(screen.getByTestId("create-submit"));

    expect(await screen.findByText("A server called web-1 already exists in this account")).toBeInTheDocument();
    expect(screen.getByTestId("create-error")).toHaveTextContent("Vultr refused the request: fix the marked fields.");
    expect(screen.getByTestId("create-form")).toBeInTheDocument();
    expect(screen.getByTestId("create-name")).toHaveAttribute("aria-invalid", "true");
  });

  it("boots from an ISO with the options the account declares, and offers none it does not", async () => {
    const backend = installMockBackend(demoState());
    grant(backend.state, "demo-vultr", ["servers.create.iso", "servers.create.snapshot", "servers.create.backups", "servers.create.ipv6", "servers.create.private_network"]);
    backend.on("list_isos", () => [{ id: "24", filename: "CentOS-6.5-x86_64-minimal.iso", size_bytes: 9342976, md5sum: null, created_at: null }]);
    const { user } = renderApp();
    await openCreate(user);

    // CloudSigma declares no creation option: none is shown.
    await choose(user, "create-account", /Demo CloudSigma/);
    for (const id of ["create-source", "create-hostname", "create-auto-backups", "create-ipv6", "create-private-network"]) {
      expect(screen.queryByTestId(id)).toBeNull();
    }

    await choose(user, "create-account", /Demo Vultr/);
    expect(screen.queryByTestId("create-hostname")).toBeNull();
    await user.type(screen.getByTestId("create-name"), "rescue");
    await choose(user, "create-region", "Frankfurt (DE)");
    await choose(user, "create-plan", /vc2-1c-2gb/);
    await user.click(within(screen.getByTestId("create-source")).getByText("ISO"));
    expect(screen.queryByTestId("create-image")).toBeNull();
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText("Choose an ISO")).toBeInTheDocument();
    expect(backend.callsOf("create_server")).toHaveLength(0);

    await choose(user, "create-iso", "CentOS-6.5-x86_64-minimal.iso");
    await user.click(screen.getByLabelText(/IPv6/));
    await user.click(screen.getByLabelText(/Automatic backups/));
    await user.click(screen.getByTestId("create-submit"));
    await waitFor(() => expect(backend.callsOf("create_server")).toHaveLength(1));
    expect(backend.callsOf("create_server")[0].args.request).toMatchObject({
      name: "rescue",
      image: null,
      iso: "24",
      snapshot: null,
      ipv6: true,
      auto_backups: true,
      private_network: false,
      hostname: null,
    });
  });

  it("chain-loads an iPXE script where the account offers it, with the refusal of a bad address under its field", async () => {
    const backend = installMockBackend(demoState());
    grant(backend.state, "demo-vultr", ["servers.create.ipxe"]);
    backend.on("create_server", (args) => {
      const request = args.request as { ipxe_url: string | null };
      if (!request.ipxe_url?.startsWith("https://")) {
        throw ipcError("validation", "ipxe_url: enter an http:// or https:// address", [{ field: "ipxe_url", message: "enter an http:// or https:// address" }]);
      }
      throw ipcError("provider", "stop here");
    });
    const { user } = renderApp();
    await openCreate(user);
    await choose(user, "create-account", /Demo Vultr/);
    await user.type(screen.getByTestId("create-name"), "pxe");
    await choose(user, "create-region", "Frankfurt (DE)");
    await choose(user, "create-plan", /vc2-1c-2gb/);
    await user.click(within(screen.getByTestId("create-source")).getByText("iPXE"));
    expect(screen.queryByTestId("create-image"), "the chain replaces the image").toBeNull();
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText("Enter the address of the iPXE script")).toBeInTheDocument();
    expect(backend.callsOf("create_server")).toHaveLength(0);

    await user.type(screen.getByTestId("create-ipxe-url"), "tftp://boot.example.com/menu");
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText("enter an http:// or https:// address")).toBeInTheDocument();
    expect(backend.callsOf("create_server")[0].args.request).toMatchObject({ image: null, iso: null, script: null, ipxe_url: "tftp://boot.example.com/menu" });
  });

  it("buys licences with a VPS.NET server only after confirming the charge", async () => {
    const backend = installMockBackend(demoState());
    grant(backend.state, "demo-vpsnet", ["servers.create", "servers.create.licences", "servers.create.instant"]);
    const { user } = renderApp();
    await openCreate(user);
    await choose(user, "create-account", /Demo VPS\.NET/);
    await user.type(screen.getByTestId("create-name"), "panel-1");
    await choose(user, "create-region", "Amsterdam (NL)");
    await choose(user, "create-plan", /vc2-1c-1gb/);
    await choose(user, "create-image", "Debian 12 (x64)");
    await user.type(screen.getByTestId("create-licences"), "cpanel{Enter}");
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText('A licence id is a number, not "cpanel"')).toBeInTheDocument();
    await user.type(screen.getByTestId("create-licences"), "{Backspace}1{Enter}");
    await user.click(screen.getByTestId("create-submit"));
    const confirm = await screen.findByTestId("create-licences-confirm");
    expect(backend.callsOf("create_server"), "nothing bought before the charge is confirmed").toHaveLength(0);
    await user.click(confirm);
    await waitFor(() => expect(backend.callsOf("create_server")).toHaveLength(1));
    expect(backend.callsOf("create_server")[0].args.request).toMatchObject({ name: "panel-1", licences: ["1"], confirm_charges: true, instant_country: null });
  });

  it("makes a VPS.NET instant server from a country alone", async () => {
    const backend = installMockBackend(demoState());
    grant(backend.state, "demo-vpsnet", ["servers.create", "servers.create.licences", "servers.create.instant"]);
    const { user } = renderApp();
    await openCreate(user);
    await choose(user, "create-account", /Demo VPS\.NET/);
    await user.type(screen.getByTestId("create-name"), "quick-1");
    await user.click(screen.getByTestId("create-instant"));
    expect(screen.queryByTestId("create-region")).toBeNull();
    expect(screen.queryByTestId("create-licences")).toBeNull();
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText("Enter the country's number")).toBeInTheDocument();
    await user.type(screen.getByTestId("create-country"), "1");
    await user.click(screen.getByTestId("create-submit"));
    await waitFor(() => expect(backend.callsOf("create_server")).toHaveLength(1));
    expect(backend.callsOf("create_server")[0].args.request).toMatchObject({ name: "quick-1", instant_country: "1", region: null, plan: null, image: null, licences: [] });
  });

  it("shows the provider's refusal of a host name under that field", async () => {
    const backend = installMockBackend(demoState());
    grant(backend.state, "demo-vultr", ["servers.create.hostname"]);
    backend.on("create_server", () => {
      throw ipcError("validation", "hostname: use a fully qualified name with a domain, e.g. web01.example.com", [
        { field: "hostname", message: "use a fully qualified name with a domain, e.g. web01.example.com" },
      ]);
    });
    const { user } = renderApp();
    await orderOnVultr(user, "web-9");
    await user.type(screen.getByTestId("create-hostname"), "web-9");
    await user.click(screen.getByTestId("create-submit"));

    expect(await screen.findByText("use a fully qualified name with a domain, e.g. web01.example.com")).toBeInTheDocument();
    expect(screen.getByTestId("create-hostname")).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsOf("create_server")[0].args.request).toMatchObject({ hostname: "web-9" });
    expect(screen.getByTestId("create-hostname")).toHaveValue("web-9");
  });
});
