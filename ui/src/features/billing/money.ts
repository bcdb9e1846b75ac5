/**
 * The backend's decimal strings ("12.50", "-5519.11") compared and shown exactly: amounts are
 * scaled to BigInt, never parsed as floats. Money is never added here: totals come from the core.
 */

type Scaled = { units: bigint; scale: number };

function parse(amount: string): Scaled {
  const m = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(amount);
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const frac = m[3] ?? "";
  const units = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return { units, scale: frac.length };
}

function rescale(a: Scaled, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compare(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isAmount(s: string): boolean {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(s);
}

export function abs(amount: string): string {
  return amount.trim().replace(/^-/, "");
}

/** "5519.11" -> "5,519.11", "99.0" -> "99.00": at least the two decimals of
 * money, further decimals exactly as given (as the backend's summaries). */
export function grouped(amount: string): string {
  const [int, frac = ""] = amount.trim().split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}.${frac.padEnd(2, "0")}`;
}

export function money(amount: string, currency: string): string {
  return `${grouped(amount)} ${currency}`;
}
