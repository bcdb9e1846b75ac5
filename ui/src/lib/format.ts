import type { UsageUnit } from "../api/bindings";

export function formatIps(ips: string[]): string {
  if (ips.length === 0) return "—";
  return ips.length === 1 ? ips[0] : `${ips[0]} +${ips.length - 1}`;
}

export function formatMemory(mb: number | null): string | null {
  if (mb === null) return null;
  return mb >= 1024 ? `${+(mb / 1024).toFixed(1)} GB RAM` : `${mb} MB RAM`;
}

/** Sort key that orders IPv4 numerically and keeps IPv6 / other text after it. */
export function ipSortKey(ip: string | undefined): string {
  if (!ip) return "~";
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return `z${ip.toLowerCase()}`;
  return "a" + m.slice(1).map((o) => o.padStart(3, "0")).join(".");
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 222387466 -> "212.1 MB" (binary multiples, as providers bill traffic). */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${BYTE_UNITS[i]}`;
}

export function formatUsage(value: number, unit: UsageUnit): string {
  if (unit === "bytes") return formatBytes(value);
  if (unit === "percent") return `${value.toFixed(1)} %`;
  return `${Math.round(value)} MHz`;
}
