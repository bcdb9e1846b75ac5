import type { Server } from "../../api/bindings";
import { asciiKeys, type AsciiKeys } from "./asciiKeys";

/** A column's order: the place of each server's text in the collator's order, or a key of its own. */
export type SortBy = { text: (s: Server) => string } | { key: (s: Server) => number | string };

/**
 * The locale whose order people read names in. WebKit takes LANG=C (a fresh Debian machine's
 * default) as `en-US-u-va-posix`, whose collation is ASCII order: every capital before every small
 * letter ("Web" before "api"). Without the POSIX variant it is English order, as in any other app.
 */
export function readingLocale(systemLocale: string): string {
  return systemLocale.replace("-u-va-posix", "");
}

const collator = new Intl.Collator(readingLocale(new Intl.Collator().resolvedOptions().locale), {
  numeric: true,
  sensitivity: "base",
});
const keyOf = asciiKeys(collator);

type Ranks = Map<Server, number>;
const cache = new WeakMap<Server[], Map<(s: Server) => string, Ranks>>();
/** Each text function's texts and places of the last inventory worked out, by index. */
const lastPlaces = new WeakMap<(s: Server) => string, { texts: string[]; places: Int32Array }>();

/**
 * Where each server falls in the collator's order (numeric, base) of one text of it. Sorting a
 * table by a text column compares each pair through ICU: for 10,000 servers about 130,000 calls,
 * again on every click of the header; with the places worked out once per list and text (kept
 * while the list and the function are the same objects), sorting again (the other direction,
 * another column and back) compares two numbers. Servers the collator finds equal share a place,
 * so the list's order decides between them in either direction (sortedServers).
 *
 * A new list whose texts are those of the last one, in the same order, takes its places as they
 * were: a server followed while it installs is patched into its account's list every 2 s, which
 * makes a new list of 10,000 servers with the same names.
 */
function textRanks(servers: Server[], text: (s: Server) => string): Ranks {
  let byText = cache.get(servers);
  if (!byText) {
    byText = new Map();
    cache.set(servers, byText);
  }
  let ranks = byText.get(text);
  if (!ranks) {
    const texts = servers.map(text);
    const last = lastPlaces.get(text);
    const places = last && sameTexts(last.texts, texts) ? last.places : placesOf(texts);
    lastPlaces.set(text, { texts, places });
    ranks = new Map();
    for (let i = 0; i < servers.length; i++) ranks.set(servers[i], places[i]);
    byText.set(text, ranks);
  }
  return ranks;
}

function sameTexts(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The place of each text: by their plain keys when every text has one, else through ICU. */
function placesOf(texts: string[]): Int32Array {
  const keys = keyOf && keysOf(texts, keyOf);
  return keys ? placesBy(keys, plainOrder) : placesBy(texts, collator.compare);
}

function keysOf(texts: string[], keyOf: AsciiKeys): string[] | null {
  const keys: string[] = [];
  for (const t of texts) {
    const key = keyOf(t);
    if (key === null) return null;
    keys.push(key);
  }
  return keys;
}

const plainOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function placesBy(texts: string[], compare: (a: string, b: string) => number): Int32Array {
  const order = texts.map((_, i) => i);
  order.sort((a, b) => compare(texts[a], texts[b]));
  const places = new Int32Array(texts.length);
  let place = 0;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && compare(texts[order[i - 1]], texts[order[i]]) !== 0) place = i;
    places[order[i]] = place;
  }
  return places;
}

/**
 * `servers` (part of `inventory`) in `by`'s order, ascending or descending; servers whose keys are
 * equal keep the list's order both ways. A text's places are those of the whole inventory: the
 * order they give holds for any part of it, and, being whole numbers below the inventory's size,
 * they put each server straight into its slot (a counting sort: no comparisons at all). Other keys
 * are read once and compared by index. TanStack's own sorted row model copied every row object and
 * called the column's sorting function through its own checks on each of the 130,000 comparisons
 * 10,000 rows take.
 */
export function sortedServers(inventory: Server[], servers: Server[], by: SortBy, desc: boolean): Server[] {
  if ("text" in by) {
    const ranks = textRanks(inventory, by.text);
    const size = inventory.length;
    const slots = servers.map((s) => {
      const place = ranks.get(s) ?? 0;
      return desc ? size - 1 - place : place;
    });
    const starts = new Int32Array(size + 1);
    for (const slot of slots) starts[slot + 1]++;
    for (let i = 1; i <= size; i++) starts[i] += starts[i - 1];
    const sorted = new Array<Server>(servers.length);
    servers.forEach((s, i) => (sorted[starts[slots[i]]++] = s));
    return sorted;
  }
  const keys = servers.map(by.key);
  const sign = desc ? -1 : 1;
  const order = servers.map((_, i) => i);
  order.sort((a, b) => (keys[a] < keys[b] ? -sign : keys[a] > keys[b] ? sign : a - b));
  return order.map((i) => servers[i]);
}
