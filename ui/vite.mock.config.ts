// `make bench`: the UI exactly as `npm run build` makes it (production React, same bundle), but
// with boot.tsx's switch for the in-memory mock backend on, so that a plain browser tab can show
// the app's own page (tests/bench_app.py compares its memory with the app's).
import { mergeConfig } from "vite";
import base from "./vite.config";

export default mergeConfig(base, {
  define: { "import.meta.env.DEV": "true" },
  build: { outDir: "../target/bench-ui", emptyOutDir: true },
});
