import { describe, expect, it } from "vitest";
import { keys } from "../api/keys";

// Every source file's text, keyed by its path relative to this folder.
const sources = import.meta.glob(["../**/*.{ts,tsx}", "!./**", "!../api/keys.ts"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

describe("query keys", () => {
  it("come from the one factory: no query or invalidation spells a key array by hand", () => {
    expect(Object.keys(sources)).toContain("../api/queries.ts");
    const handWritten = Object.entries(sources)
      .filter(([, text]) => /queryKey:\s*\[|Key\s*=\s*\(.*\)\s*=>\s*\[/.test(text))
      .map(([path]) => path);
    expect(handWritten).toEqual([]);
  });

  it("put everything an account's extras can change under its prefix, so one invalidation refreshes it all", () => {
    const prefix = keys.extras.account("acc");
    const accountKeys = [
      keys.extras.snapshots("acc"),
      keys.extras.accountIps("acc"),
      keys.extras.cloudGroups("acc"),
      keys.extras.serverChoices("acc"),
      keys.extras.drives("acc"),
      keys.extras.templates.custom("acc"),
      keys.extras.settings("acc", "srv"),
      keys.extras.backups("acc", "srv"),
      keys.extras.resources("acc", "srv"),
    ];
    for (const key of accountKeys) expect(key.slice(0, prefix.length)).toEqual([...prefix]);
    expect(keys.servers.account("acc").slice(0, 1)).toEqual([...keys.servers.all]);
    expect(keys.catalog.plans("acc", null).slice(0, 2)).toEqual([...keys.catalog.account("acc")]);
  });
});
