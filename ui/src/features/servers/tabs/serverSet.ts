import type { Server, ServerChanges } from "../../../api/bindings";

/** The form of a CloudSigma server's settings: every value as text, as the server shows it. */
export type ServerSetValues = {
  name: string;
  cpu: string;
  smp: string;
  mem: string;
  parent: string;
  boot: string;
  nic0_model: string;
  nic0_dhcp: string;
  nic1_model: string;
  nic1_vlan: string;
  nic1_mac: string;
  vnc_ip: string;
  vnc_tls: boolean;
  /** Empty keeps the current password; it is never shown, so there is nothing to compare. */
  vnc_password: string;
  /** A drive to connect: its slot, uuid and media (empty = leave as it is). */
  drive_slot: string;
  drive_uuid: string;
  drive_media: string;
};

const KEYS: Record<Exclude<keyof ServerSetValues, "vnc_tls" | "vnc_password" | "drive_slot" | "drive_uuid" | "drive_media">, string> = {
  name: "name",
  cpu: "cpu",
  smp: "smp",
  mem: "mem",
  parent: "parent",
  boot: "boot",
  nic0_model: "nic:0:model",
  nic0_dhcp: "nic:0:dhcp",
  nic1_model: "nic:1:model",
  nic1_vlan: "nic:1:vlan",
  nic1_mac: "nic:1:mac",
  vnc_ip: "vnc:ip",
};

/** The server's values as CloudSigma shows them in its details (the VNC password never is). */
export function serverSetValues(server: Server): ServerSetValues {
  const detail = (key: string) => server.details.find((d) => d.label === key)?.value ?? "";
  const values = Object.fromEntries(Object.entries(KEYS).map(([field, key]) => [field, detail(key)])) as Omit<ServerSetValues, "vnc_tls" | "vnc_password" | "drive_slot" | "drive_uuid" | "drive_media">;
  return { ...values, vnc_tls: detail("vnc:tls") === "on", vnc_password: "", drive_slot: "", drive_uuid: "", drive_media: "" };
}

/**
 * Only what the person changed: untouched fields stay `null`, an emptied field too (CloudSigma's doc
 * shows no way to unset a setting). A number field that is not a whole number is not sent: `invalid`
 * names it. The rest is checked by the backend, which names the field it refuses.
 */
export function serverChanges(before: ServerSetValues, after: ServerSetValues): { changes: ServerChanges; invalid: { field: string; message: string }[] } {
  const changed = (field: keyof typeof KEYS) => {
    const v = after[field].trim();
    return v !== "" && v !== before[field].trim() ? v : null;
  };
  const invalid: { field: string; message: string }[] = [];
  const number = (field: "cpu" | "mem") => {
    const v = changed(field);
    if (v === null) return null;
    if (!/^\d+$/.test(v)) {
      invalid.push({ field, message: "write a whole number" });
      return null;
    }
    return Number(v);
  };
  const drives =
    after.drive_slot.trim() || after.drive_uuid.trim()
      ? [{ slot: after.drive_slot.trim(), drive: after.drive_uuid.trim(), media: after.drive_media.trim() || null }]
      : [];
  const changes: ServerChanges = {
    name: changed("name"),
    cpu: number("cpu"),
    smp: changed("smp"),
    mem: number("mem"),
    parent: changed("parent"),
    drives,
    boot: changed("boot"),
    nic0_model: changed("nic0_model"),
    nic0_dhcp: changed("nic0_dhcp"),
    nic1_model: changed("nic1_model"),
    nic1_vlan: changed("nic1_vlan"),
    nic1_mac: changed("nic1_mac"),
    vnc_ip: changed("vnc_ip"),
    vnc_tls: after.vnc_tls && !before.vnc_tls,
    vnc_password: after.vnc_password === "" ? null : after.vnc_password,
  };
  return { changes, invalid };
}

/** Whether the form asks for anything. */
export function hasChanges(c: ServerChanges): boolean {
  return Object.entries(c).some(([k, v]) => (k === "drives" ? (v as unknown[]).length > 0 : k === "vnc_tls" ? v === true : v !== null));
}
