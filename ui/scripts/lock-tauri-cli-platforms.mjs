// Adds lockfile entries for the @tauri-apps/cli platform packages that the project's npm registry
// does not serve (macOS, Windows, musl, arm, riscv). Without them `npm ci` refuses the lockfile
// ("Missing: @tauri-apps/cli-darwin-arm64@ from lock file"). On Linux x64/arm64 glibc npm skips
// them by os/cpu/libc and never downloads them. Run after regenerating package-lock.json:
//   node ui/scripts/lock-tauri-cli-platforms.mjs && npm ci
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const cli = lock.packages["node_modules/@tauri-apps/cli"];
if (!cli) throw new Error("@tauri-apps/cli is not in package-lock.json");
const version = cli.version;
const platforms = {
  "darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "darwin-x64": { os: ["darwin"], cpu: ["x64"] },
  "linux-arm-gnueabihf": { os: ["linux"], cpu: ["arm"] },
  "linux-arm64-gnu": { os: ["linux"], cpu: ["arm64"], libc: ["glibc"] },
  "linux-arm64-musl": { os: ["linux"], cpu: ["arm64"], libc: ["musl"] },
  "linux-riscv64-gnu": { os: ["linux"], cpu: ["riscv64"], libc: ["glibc"] },
  "linux-x64-gnu": { os: ["linux"], cpu: ["x64"], libc: ["glibc"] },
  "linux-x64-musl": { os: ["linux"], cpu: ["x64"], libc: ["musl"] },
  "win32-arm64-msvc": { os: ["win32"], cpu: ["arm64"] },
  "win32-ia32-msvc": { os: ["win32"], cpu: ["ia32"] },
  "win32-x64-msvc": { os: ["win32"], cpu: ["x64"] },
};
let added = 0;
for (const [name, f] of Object.entries(platforms)) {
  const key = `node_modules/@tauri-apps/cli-${name}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = {
    version,
    cpu: f.cpu,
    dev: true,
    ...(f.libc ? { libc: f.libc } : {}),
    license: "Apache-2.0 OR MIT",
    optional: true,
    os: f.os,
    engines: { node: ">= 10" },
  };
  added++;
}
// Keep npm's own ordering (alphabetical by path).
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`lock-tauri-cli-platforms: ${added} entr${added === 1 ? "y" : "ies"} added`);
