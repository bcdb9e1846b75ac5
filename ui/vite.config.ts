/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

// ui/ is the Vite root; the root package.json runs everything with --config ui/vite.config.ts.
const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  clearScreen: false,
  // Relative asset URLs work both from the Tauri custom protocol and from a file server.
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // One vendor chunk is fine for a desktop app; silence the size warning for Mantine + Tabler.
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: true },
  test: {
    root,
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // No styles in jsdom, but index.html's frame.css as text (src/test/theme.test.ts compares its colors).
    css: { include: [/frame\.css/] },
    testTimeout: 20000,
  },
});
