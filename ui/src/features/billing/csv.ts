/**
 * RFC 4180 CSV of a table: a header row, then one row per item; fields quoted when needed.
 * This is the only place vpsdesk writes CSV (the backend saves these bytes as they are).
 */
export type CsvColumn<T> = { header: string; value: (row: T) => string | null | undefined };

/** What a spreadsheet may run as a formula when a cell starts with it (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A plain number (`-12.50`, `99`) is exempt: a spreadsheet reads it as a number, never as a formula,
 * and a quote in front of every negative amount would turn the money columns into text. Anything
 * more (`-1+2`, `-2+3+cmd|' /C calc'!A0`, `-12.50 USD`) does not match and is neutralised.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Provider text can start like a formula: a leading `'` makes spreadsheets show it as text. */
function neutralised(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

function field(v: string | null | undefined): string {
  const s = neutralised(v ?? "");
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
