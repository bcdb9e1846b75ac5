import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoState, installMockBackend, ipcError } from "../api/mockBackend";
import { endpointError } from "../features/accounts/AddAccountModal";
import { renderApp, retype } from "./render";

type User = ReturnType<typeof renderApp>["user"];

async function choose(user: User, testId: string, option: string) {
  await user.click(screen.getByTestId(testId));
  await user.click(await screen.findByRole("option", { name: option }));
}

async function openAddAccount(user: User) {
  window.location.hash = "#/accounts";
  await user.click(await screen.findByTestId("add-account-button"));
  return screen.findByTestId("add-account-form");
}

describe("accounts page", () => {
  it("lists accounts with provider, endpoint, username, region and a demo badge", async () => {
    installMockBackend(demoState());
    window.location.hash = "#/accounts";
    renderApp();
    const table = await screen.findByTestId("accounts-table");
    const row = within(table).getByTestId("account-row-demo-cloudsigma");
    expect(row).toHaveTextContent("Demo CloudSigma");
    expect(row).toHaveTextContent("CloudSigma");
    expect(row).toHaveTextContent("http://127.0.0.1:47003");
    expect(row).toHaveTextContent("demo@example.com");
    expect(row).toHaveTextContent("zrh");
    expect(within(row).getByTestId("account-demo-demo-cloudsigma")).toHaveTextContent("demo");
    expect(screen.getByTestId("keychain-status")).toHaveTextContent("System keychain: available");
  });

  it("shows the username field only for providers that need one, labelled as the provider says", async () => {
    installMockBackend(demoState());
    const { user } = renderApp();
    await openAddAccount(user);

    expect(screen.queryByTestId("account-secret")).toBeNull();
    await choose(user, "account-provider", "VPS.NET");
    expect(screen.getByTestId("account-username")).toBeInTheDocument();
    expect(screen.getByLabelText(/Account email/)).toBe(screen.getByTestId("account-username"));
    expect(screen.getByLabelText(/API key/)).toBe(screen.getByTestId("account-secret"));
    expect(screen.queryByTestId("account-region")).toBeNull();

    await choose(user, "account-provider", "Vultr");
    expect(screen.queryByTestId("account-username")).toBeNull();

    await choose(user, "account-provider", "CloudSigma");
    expect(screen.getByLabelText(/Password/)).toBe(screen.getByTestId("account-secret"));
    expect(screen.getByTestId("account-region")).toBeInTheDocument();
    expect(screen.getByTestId("account-verify")).toBeChecked();
  });

  it("never keeps the secret after a submit, whether it failed or succeeded", async () => {
    const backend = installMockBackend(demoState());
    let attempts = 0;
    backend.on("add_account", (_args, b) => {
      attempts += 1;
      if (attempts === 1) throw ipcError("auth", "VPS.NET rejected the API key. Copy it again from the VPS.NET control panel.", []);
      b.state.accounts.push({ ...b.state.accounts[1], id: "acc-new", name: "Work", demo: false });
      return b.state.accounts.at(-1);
    });
    const { user } = renderApp();
    await openAddAccount(user);

    await choose(user, "account-provider", "VPS.NET");
    await user.type(screen.getByTestId("account-name"), "Work");
    await user.type(screen.getByTestId("account-username"), "ops@example.com");
    await user.type(screen.getByTestId("account-secret"), "s3cr3t-key");
    await user.click(screen.getByTestId("account-submit"));

    expect(await screen.findByTestId("add-account-error")).toHaveTextContent("VPS.NET rejected the API key");
    expect(screen.getByTestId("account-secret")).toHaveValue("");
    expect(screen.getByTestId("account-username")).toHaveValue("ops@example.com");
    expect(backend.callsOf("add_account")[0].args.input).toEqual({
      provider: "vpsnet",
      name: "Work",
      username: "ops@example.com",
      secret: "s3cr3t-key",
      region: null,
      endpoint: null,
      verify: true,
    });

    await user.type(screen.getByTestId("account-secret"), "good-key");
    await user.click(screen.getByTestId("account-submit"));
    await waitFor(() => expect(screen.queryByTestId("add-account-form")).toBeNull());
    expect(await screen.findByText("Account added")).toBeInTheDocument();
    expect(await screen.findByTestId("account-row-acc-new")).toHaveTextContent("Work");

    // Opening the form again starts blank.
    await user.click(screen.getByTestId("add-account-button"));
    await choose(user, "account-provider", "VPS.NET");
    expect(screen.getByTestId("account-secret")).toHaveValue("");
    expect(document.body.innerHTML).not.toContain("good-key");
    expect(document.body.innerHTML).not.toContain("s3cr3t-key");
  });

  it("validates the endpoint: https, or http only for localhost", async () => {
    expect(endpointError("")).toBeNull();
    expect(endpointError("https://api.example.com")).toBeNull();
    expect(endpointError("http://127.0.0.1:8080")).toBeNull();
    expect(endpointError("http://localhost:8080/v2")).toBeNull();
    expect(endpointError("http://api.example.com")).toMatch(/only allowed for localhost/);
    expect(endpointError("ftp://x")).toMatch(/https/);
    expect(endpointError("api.example.com")).toMatch(/full URL/);

    const backend = installMockBackend(demoState());
    const { user } = renderApp();
    await openAddAccount(user);
    await choose(user, "account-provider", "Vultr");
    await user.type(screen.getByTestId("account-name"), "Prod");
    await user.type(screen.getByTestId("account-secret"), "k");
    await user.click(screen.getByTestId("account-advanced"));
    expect(screen.getByTestId("account-endpoint")).toHaveAttribute("placeholder", "https://api.vultr.com");
    await user.type(screen.getByTestId("account-endpoint"), "http://api.example.com");
    await user.click(screen.getByTestId("account-submit"));
    expect(await screen.findByText(/only allowed for localhost/)).toBeInTheDocument();
    expect(backend.callsOf("add_account")).toHaveLength(0);
  });

  it("tests, renames and removes an account", async () => {
    const backend = installMockBackend(demoState());
    backend.on("test_account", (args) => {
      if (args.account_id === "demo-vps247") throw ipcError("unreachable", "VPS247 did not answer within 10 s.");
      return null;
    });
    window.location.hash = "#/accounts";
    const { user } = renderApp();
    await screen.findByTestId("accounts-table");

    await user.click(screen.getByTestId("account-test-demo-vultr"));
    expect(await screen.findByText("Connection works")).toBeInTheDocument();
    await user.click(screen.getByTestId("account-test-demo-vps247"));
    expect(await screen.findByText("Test failed for Demo VPS247")).toBeInTheDocument();
    expect(screen.getByText("VPS247 did not answer within 10 s.")).toBeInTheDocument();

    await user.click(screen.getByTestId("account-rename-demo-vultr"));
    const input = await screen.findByTestId("rename-input");
    await retype(user, input, "Vultr (prod)");
    await user.click(screen.getByTestId("rename-submit"));
    await waitFor(() => expect(screen.getByTestId("account-row-demo-vultr")).toHaveTextContent("Vultr (prod)"));
    expect(backend.callsOf("rename_account")[0].args).toEqual({ account_id: "demo-vultr", name: "Vultr (prod)" });

    await user.click(screen.getByTestId("account-remove-demo-vps247"));
    expect(await screen.findByText(/from the system keychain too/)).toBeInTheDocument();
    await user.click(screen.getByTestId("remove-account-confirm"));
    await waitFor(() => expect(screen.queryByTestId("account-row-demo-vps247")).toBeNull());
    expect(backend.callsOf("remove_account")[0].args).toEqual({ account_id: "demo-vps247" });
  });
});
