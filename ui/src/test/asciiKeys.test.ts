import { describe, expect, it } from "vitest";
import { demoState } from "../api/mockBackend";
import { asciiKeys } from "../features/servers/asciiKeys";
import { sortedServers } from "../features/servers/rowOrder";

const collator = new Intl.Collator("en-US", { numeric: true, sensitivity: "base" });
const keyOf = asciiKeys(collator)!;
const sign = (n: number) => Math.sign(n);
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every pair's order by the keys against the collator's, as "a ? b" lines that differ. */
function disagreements(texts: string[]): string[] {
  const out: string[] = [];
  for (const a of texts) {
    for (const b of texts) {
      const want = sign(collator.compare(a, b));
      if (sign(plain(keyOf(a)!, keyOf(b)!)) !== want) out.push(`${JSON.stringify(a)} ${want} ${JSON.stringify(b)}`);
    }
  }
  return out;
}

// A small deterministic generator: the same texts on every run.
function texts(count: number, seed: number): string[] {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
  const pools = ["0123456789", "aAbBzZ", " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$", "0", "eEwWnN-"];
  return Array.from({ length: count }, () => {
    let t = "";
    for (let len = next(9); len > 0; len--) {
      const pool = pools[next(pools.length)];
      t += pool[next(pool.length)];
    }
    return t;
  });
}

describe("asciiKeys", () => {
  it("orders every printable ASCII character as the collator does, capitals with small letters", () => {
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
    expect(disagreements(chars)).toEqual([]);
    expect(keyOf("Web")).toBe(keyOf("web"));
  });

  it("orders runs of digits as numbers, leading zeros not counted, as the collator does", () => {
    const cases = ["a9", "a10", "a01", "a1", "a", "a0", "a00", "a-1", "a$", "a1b", "a01c", "node-0010", "node-001", "1.5", "1.10", "web-2", "Web-10"];
    expect(disagreements(cases)).toEqual([]);
    expect(keyOf("a01")).toBe(keyOf("a1"));
    expect(plain(keyOf("web-9")!, keyOf("web-10")!)).toBe(-1);
  });

  it("agrees with the collator on every pair of 600 mixed texts", () => {
    expect(disagreements(texts(600, 7))).toEqual([]);
  });

  it("gives no key for a text with any other character, nor for another language or strength", () => {
    expect(keyOf("café")).toBeNull();
    expect(keyOf("a\tb")).toBeNull();
    expect(keyOf("x".repeat(3) + "1".repeat(300))).toBeNull();
    expect(asciiKeys(new Intl.Collator("cs", { numeric: true, sensitivity: "base" }))).toBeNull();
    expect(asciiKeys(new Intl.Collator("en-US", { sensitivity: "base" }))).toBeNull();
    expect(asciiKeys(new Intl.Collator("en-US", { numeric: true }))).toBeNull();
  });
});

describe("sortedServers by a text", () => {
  const byName = { text: (s: { name: string }) => s.name };
  const named = (names: string[]) => demoState().servers.slice(0, names.length).map((s, i) => ({ ...s, name: names[i] }));

  it("sorts ASCII names by their keys as people read them, numbers by value", () => {
    const servers = named(["web-10", "Web-9", "api", "web-010", "_tmp"]);
    expect(sortedServers(servers, servers, byName, false).map((s) => s.name)).toEqual(["_tmp", "api", "Web-9", "web-10", "web-010"]);
  });

  it("sorts a list with any other character through ICU, accents after the plain letter", () => {
    const servers = named(["Zulu", "éclair", "alpha", "eagle", "web-2"]);
    expect(sortedServers(servers, servers, byName, false).map((s) => s.name)).toEqual(["alpha", "eagle", "éclair", "web-2", "Zulu"]);
    expect(sortedServers(servers, servers, byName, true).map((s) => s.name)).toEqual(["Zulu", "web-2", "éclair", "eagle", "alpha"]);
  });

  it("sorts a new list of the same names as the last one, and a renamed server where its new name goes", () => {
    const first = named(["delta", "alpha", "charlie", "bravo"]);
    expect(sortedServers(first, first, byName, false).map((s) => s.name)).toEqual(["alpha", "bravo", "charlie", "delta"]);
    // A poll patched one server's status: new objects, the same names in the same order.
    const polled = first.map((s, i) => (i === 2 ? { ...s, status: "stopped" as const } : s));
    const sorted = sortedServers(polled, polled, byName, false);
    expect(sorted.map((s) => s.name)).toEqual(["alpha", "bravo", "charlie", "delta"]);
    expect(sorted[2]).toBe(polled[2]);
    // A rename: the places are worked out again.
    const renamed = polled.map((s, i) => (i === 1 ? { ...s, name: "echo" } : s));
    expect(sortedServers(renamed, renamed, byName, true).map((s) => s.name)).toEqual(["echo", "delta", "charlie", "bravo"]);
    // Two lists of the same length, the same names in another order.
    const reordered = [renamed[3], renamed[2], renamed[1], renamed[0]];
    expect(sortedServers(reordered, reordered.slice(1), byName, false).map((s) => s.name)).toEqual(["charlie", "delta", "echo"]);
  });
});
