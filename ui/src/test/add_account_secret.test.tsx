import { screen, waitFor } from "@testing-library/react";
import type { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { demoState, installMockBackend, ipcError } from "../api/mockBackend";
import { renderApp } from "./render";

type User = ReturnType<typeof renderApp>["user"];

const SECRET = "mutation-cache-probe-9d2f";

async function fillAndSubmit(user: User) {
  window.location.hash = "#/accounts";
  await user.click(await screen.findByTestId("add-account-button"));
  await screen.findByTestId("add-account-form");
  await user.click(screen.getByTestId("account-provider"));
  await user.click(await screen.findByRole("option", { name: "Vultr" }));
  await user.type(screen.getByTestId("account-name"), "Work");
  await user.type(screen.getByTestId("account-secret"), SECRET);
  await user.click(screen.getByTestId("account-submit"));
}

/** The mutations react-query still holds whose variables carry the secret. */
function mutationsHoldingSecret(client: QueryClient) {
  return client
    .getMutationCache()
    .getAll()
    .filter((m) => JSON.stringify(m.state.variables ?? null).includes(SECRET));
}

describe("the add-account form leaves no secret in the query cache", () => {
  it("after the account is added", async () => {
    const backend = installMockBackend(demoState());
    backend.on("add_account", (_args, b) => {
      b.state.accounts.push({ ...b.state.accounts[0], id: "acc-new", name: "Work", demo: false });
      return b.state.accounts.at(-1);
    });
    const { client, user } = renderApp();
    await fillAndSubmit(user);
    await waitFor(() => expect(screen.queryByTestId("add-account-form")).toBeNull());
    expect(backend.callsOf("add_account")[0].args.input).toMatchObject({ secret: SECRET });
    expect(await screen.findByText("Account added")).toBeInTheDocument();
    await waitFor(() => expect(mutationsHoldingSecret(client)).toEqual([]));
  });

  it("after a refusal, and once the form is closed", async () => {
    const backend = installMockBackend(demoState());
    backend.on("add_account", () => {
      throw ipcError("auth", "Vultr rejected the API key.", []);
    });
    const { client, user } = renderApp();
    await fillAndSubmit(user);
    expect(await screen.findByTestId("add-account-error")).toHaveTextContent("Vultr rejected the API key.");
    expect(screen.getByTestId("account-secret")).toHaveValue("");
    await waitFor(() => expect(mutationsHoldingSecret(client)).toEqual([]));

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("add-account-form")).toBeNull());
    await waitFor(() => expect(mutationsHoldingSecret(client)).toEqual([]));
    expect(backend.callsOf("add_account")).toHaveLength(1);
  });
});
