import type { UsageUnit } from "../../api/bindings";

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
