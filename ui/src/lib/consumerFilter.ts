/** The consumer id a list is narrowed to, as typed: blank lists everything; 0 is "no consumer", nothing to filter by. */
export function readConsumerFilter(text: string): { consumer: string | null; error?: string } {
  const t = text.trim();
  if (t === "") return { consumer: null };
  if (!/^\d{1,18}$/.test(t)) return { consumer: null, error: "A consumer id is a number" };
  if (/^0+$/.test(t)) return { consumer: null, error: "Filter by a consumer id of 1 or more (0 means no consumer)" };
  return { consumer: t.replace(/^0+/, "") };
}
