/** The counted units the backend names in the plural (a subscription of "3 IPs"), for one of them. */
const SINGULAR: Record<string, string> = { IPs: "IP", VLANs: "VLAN", licences: "licence" };

/** "1 licence", "2 licences", "1024 MB": a quantity with its unit as a person writes it. */
export function quantityWithUnit(quantity: string | number, unit: string): string {
  const one = String(quantity).trim() === "1";
  return `${quantity} ${one ? (SINGULAR[unit] ?? unit) : unit}`.trim();
}
