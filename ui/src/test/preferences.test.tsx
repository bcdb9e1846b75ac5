import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { demoState, installMockBackend } from "../api/mockBackend";
import { DEFAULT_PREFERENCES } from "../api/preferences";
import { LEGACY_KEYS } from "../lib/legacyPreferences";
import { renderApp } from "./render";

const shownScheme = () => document.documentElement.getAttribute("data-mantine-color-scheme");

describe("preferences", () => {
  it("live in settings.json only: the app reads localStorage for nothing but the one-time import, and writes nothing there", async () => {
    const get = vi.spyOn(Storage.prototype, "getItem");
    const set = vi.spyOn(Storage.prototype, "setItem");
    try {
      installMockBackend(demoState());
      const { user } = renderApp();
      await screen.findByTestId("servers-table");
      await user.click(screen.getByTestId("nav-accounts"));
      await screen.findByTestId("accounts-table");
      await user.click(screen.getByTestId("preferences-button"));
      await user.click(await screen.findByRole("radio", { name: "Dark" }));
      await waitFor(() => expect(shownScheme()).toBe("dark"));
      const read = new Set(get.mock.calls.map(([key]) => key));
      expect([...read].filter((k) => !Object.values(LEGACY_KEYS).includes(k))).toEqual([]);
      expect(set).not.toHaveBeenCalled();
      expect(localStorage.length).toBe(0);
    } finally {
      get.mockRestore();
      set.mockRestore();
    }
  });

  it("shows the saved colors from the start, and keeps the ones chosen in the preferences", async () => {
    const state = demoState();
    state.preferences = { ...state.preferences, color_scheme: "dark" };
    const backend = installMockBackend(state);
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    await waitFor(() => expect(shownScheme()).toBe("dark"));

    await user.click(screen.getByTestId("preferences-button"));
    const light = await screen.findByRole("radio", { name: "Light" });
    expect(screen.getByRole("radio", { name: "Dark" })).toBeChecked();
    await user.click(light);
    await waitFor(() => expect(shownScheme()).toBe("light"));
    await waitFor(() => expect(backend.state.preferences.color_scheme).toBe("light"));

    await user.click(screen.getByRole("radio", { name: "As the system" }));
    await waitFor(() => expect(backend.state.preferences.color_scheme).toBe("auto"));
    expect(shownScheme()).toBe("light"); // the test's system is light (matchMedia answers no)
  });

  it("imports what older versions kept in localStorage once, keeps what is saved already, and empties localStorage", async () => {
    localStorage.setItem("vpsdesk.servers.refreshInterval", "60000");
    localStorage.setItem("vpsdesk.servers.columns", JSON.stringify({ ipv6: false, created: true }));
    localStorage.setItem("vpsdesk.billing.lowBalance", JSON.stringify({ "demo-vpsnet": "100", "demo-vultr": "5" }));
    localStorage.setItem("vpsdesk.tickets.viewed", "not json");
    const backend = installMockBackend({ ...demoState(), preferences: { ...DEFAULT_PREFERENCES, low_balance: { "demo-vpsnet": "250" } } });
    const { unmount } = renderApp();
    await screen.findByTestId("servers-table");

    await waitFor(() => expect(backend.state.preferences.imported_local_storage).toBe(true));
    expect(backend.state.preferences).toEqual({
      ...DEFAULT_PREFERENCES,
      refresh_interval_ms: 60000,
      server_columns: { ipv6: false, created: true },
      low_balance: { "demo-vpsnet": "250", "demo-vultr": "5" },
      viewed_tickets: {},
      imported_local_storage: true,
    });
    expect(localStorage.length).toBe(0);
    await waitFor(() => expect(screen.queryByTestId("column-ipv6")).toBeNull());
    expect(screen.getByTestId("column-created")).toBeInTheDocument();
    expect((screen.getByTestId("refresh-interval") as HTMLSelectElement).selectedOptions[0].textContent).toBe("1 min");

    unmount();
    renderApp();
    await screen.findByTestId("servers-table");
    expect(screen.queryByTestId("column-ipv6")).toBeNull();
    expect(backend.callsOf("save_preferences")).toHaveLength(1);
  });

  it("says so when the preferences cannot be saved, and shows the saved ones again", async () => {
    const backend = installMockBackend(demoState());
    backend.on("save_preferences", () => {
      throw { kind: "store", message: "the preferences could not be saved: disk full", fields: [] };
    });
    const { user } = renderApp();
    await screen.findByTestId("servers-table");
    const select = screen.getByTestId("refresh-interval") as HTMLSelectElement;
    await user.selectOptions(select, "5 min");
    expect(await screen.findByText("The preferences could not be saved")).toBeInTheDocument();
    await waitFor(() => expect(select.selectedOptions[0].textContent).toBe("30 s"));
  });
});
