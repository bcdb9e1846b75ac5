import type { BundleKind, BundleOrder } from "../../api/bindings";

/** What CloudSigma sells in one resource or software order (its doc's 11.10 and 11.15), in the doc's order. */
export const BUNDLE_PARTS: Record<BundleKind, { key: string; label: string; unit: string; min?: number }[]> = {
  resources: [
    { key: "cpu", label: "CPU", unit: "core MHz", min: 2000 },
    { key: "mem", label: "Memory", unit: "MB", min: 1024 },
    { key: "disk", label: "Disk", unit: "GB" },
    { key: "xfer", label: "Data transfer", unit: "GB per month" },
  ],
  software: [
    { key: "msft_lwa_00135", label: "Windows Web Server 2008", unit: "licences" },
    { key: "msft_p73_04837", label: "Windows Server 2008 Standard", unit: "licences" },
    { key: "msft_tfa_00009", label: "Microsoft SQL Server 2008 Web Edition", unit: "licences" },
  ],
};

export type BundleValues = { kind: BundleKind; months: number; start: string } & Record<string, number | string>;

/** The order the form describes: only the parts of its kind with a quantity above 0 (the backend checks the rest). */
export function bundleOrder(values: BundleValues): BundleOrder {
  const items = BUNDLE_PARTS[values.kind]
    .map((p) => ({ key: p.key, quantity: Number(values[p.key]) || 0 }))
    .filter((i) => i.quantity > 0);
  return { kind: values.kind, items, months: values.months, start: values.start.trim() || null };
}

export function bundleInitialValues(start: string): BundleValues {
  const parts = [...BUNDLE_PARTS.resources, ...BUNDLE_PARTS.software];
  return { kind: "resources", months: 1, start, ...Object.fromEntries(parts.map((p) => [p.key, 0])) };
}
