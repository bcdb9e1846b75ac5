import { useEffect } from "react";
import type { Server } from "../../api/bindings";

/* What the search box looks in (name, id and addresses, lowercased, one per line), made once per
   server object: a refetch keeps the objects of unchanged servers, so a new list costs one lookup
   per server, not four lowercasings. */
const searchTexts = new WeakMap<Server, string>();
function searchText(s: Server): string {
  let text = searchTexts.get(s);
  if (text === undefined) {
    text = [s.name, s.id, ...s.ipv4, ...s.ipv6].join("\n").toLowerCase();
    searchTexts.set(s, text);
  }
  return text;
}

/** A list's search texts end to end, one server after another, and where each server's begins. */
type SearchIndex = { text: string; starts: Int32Array };
const indexes = new WeakMap<Server[], SearchIndex>();

function searchIndexOf(servers: Server[]): SearchIndex {
  let index = indexes.get(servers);
  if (!index) {
    const starts = new Int32Array(servers.length + 1);
    const texts = new Array<string>(servers.length);
    let at = 0;
    for (let i = 0; i < servers.length; i++) {
      texts[i] = searchText(servers[i]);
      starts[i] = at;
      at += texts[i].length + 1;
    }
    starts[servers.length] = at;
    // A search never holds a line break (one line of input), so no match runs from one field, or
    // one server, into the next.
    index = { text: texts.join("\n"), starts };
    indexes.set(servers, index);
  }
  return index;
}

/**
 * The servers whose name, id or an address holds `q` (lowercase), in the list's order. One native
 * `indexOf` runs over the whole list's text and jumps to the next server after each match. With a
 * test of each server's text on its own, a search over 10,038 servers reached the table 27-32 ms
 * after the paste, against 15-17 ms over 138 (an instrumented build, docs/bench.md, stop 31).
 */
export function serversMatching(servers: Server[], q: string): Server[] {
  const { text, starts } = searchIndexOf(servers);
  const found: Server[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(q, from);
    if (at < 0) return found;
    // The server whose text holds `at`: the last start at or before it.
    let lo = 0;
    let hi = servers.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    found.push(servers[lo]);
    from = starts[lo + 1];
  }
}

/* Makes a list's search index in steps once it is shown (after the frame that paints it): the
   texts of 1,000 servers at a time, then the index, so that the first keystroke over 10,000
   servers does not wait for them (a refetch's unchanged servers are already done). */
export function usePreparedSearch(servers: Server[]) {
  useEffect(() => {
    let next = 0;
    let timer = 0;
    const step = () => {
      const end = Math.min(next + 1000, servers.length);
      for (; next < end; next++) searchText(servers[next]);
      if (next < servers.length) timer = window.setTimeout(step, 0);
      else searchIndexOf(servers);
    };
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(step, 0)));
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [servers]);
}
