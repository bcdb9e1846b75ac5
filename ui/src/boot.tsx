import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { preferencesQuery } from "./api/preferences";
import { createQueryClient } from "./api/queries";
import { App } from "./App";
import { AppProviders } from "./AppProviders";

async function installPreviewBackend() {
  // `npm run dev` opened in a plain browser with ?mock: an in-memory backend, so the UI can be
  // looked at without Rust. Dead code in production builds (import.meta.env.DEV is false there).
  if (!import.meta.env.DEV || "__TAURI_INTERNALS__" in window) return;
  const params = new URLSearchParams(window.location.search);
  if (!params.has("mock")) return;
  const mock = await import("./api/mockBackend");
  const count = Number(params.get("mock")) || 8;
  mock.installMockBackend(params.has("empty") ? {} : mock.demoState(count), {
    actionDelayMs: 4000,
    latencyMs: 150,
    accountLatencyMs: { "demo-vpsnet": 2500 }, // one slow account: its rows arrive later
  });
}

/** Styles, React and the app: loaded by main.tsx once the window has painted index.html's frame. */
export async function boot() {
  await installPreviewBackend();
  const client = createQueryClient();
  // The chosen colors from the first render on: one IPC call, while index.html's frame is on screen.
  await client.prefetchQuery(preferencesQuery);
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <AppProviders client={client}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

