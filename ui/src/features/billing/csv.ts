/** RFC 4180 CSV of a table: a header row, then one row per item; fields quoted when needed. */
export type CsvColumn<T> = { header: string; value: (row: T) => string | null | undefined };

function field(v: string | null | undefined): string {
  const s = v ?? "";
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const lines = [columns.map((c) => field(c.header)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => field(c.value(r))).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** "invoices-2025-11-20.csv" */
export function csvName(what: string, now = new Date()): string {
  return `${what}-${now.toISOString().slice(0, 10)}.csv`;
}
