/**
 * The per-type record checks of the core (`src-tauri/core/src/capabilities/dns/validate.rs`), mirrored so
 * the form can show errors next to each field as the user types. The core checks again before
 * anything is sent; its messages win when it disagrees.
 */
import type { RecordInput, RecordType } from "../api/bindings";

export const TTL_MIN = 60;
export const TTL_MAX = 604_800;
export const DEFAULT_TTL = 86_400;
export const DEFAULT_FAILOVER_TTL = 300;
export const TXT_CHUNK = 255;

export type FieldErrors = Partial<Record<keyof RecordInput, string>>;

/** The types a form offers (SOA is the provider's and read-only). */
export const EDITABLE_TYPES: RecordType[] = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "FAILOVER"];

/** Which extra fields a type has. */
export function fieldsOf(type: RecordType | null) {
  return {
    priority: type === "MX" || type === "SRV",
    weight: type === "SRV",
    port: type === "SRV",
    serviceType: type === "FAILOVER",
  };
}

export function isIPv4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(s: string): boolean {
  if (!s.includes(":") || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  try {
    // The URL parser implements the IPv6 address grammar exactly.
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

export function hostnameError(name: string): string | null {
  const n = name.endsWith(".") ? name.slice(0, -1) : name;
  if (!n) return "a host name is required";
  if (n.length > 253) return "a host name has at most 253 characters";
  for (const label of n.split(".")) {
    if (!label) return `"${name}" has an empty label (two dots in a row)`;
    if (label.length > 63) return `the label "${label}" is longer than 63 characters`;
    if (!/^[A-Za-z0-9-]+$/.test(label)) return `"${name}" is not a host name (letters, digits, hyphens and dots only)`;
    if (label.startsWith("-") || label.endsWith("-")) return `the label "${label}" starts or ends with a hyphen`;
  }
  return null;
}

/** The owner name relative to `zone`, or why it cannot be one. */
export function relativeHost(host: string, zone: string): { host: string } | { error: string } {
  const h = host.trim().toLowerCase();
  const z = zone.trim().replace(/\.$/, "").toLowerCase();
  if (!h || h === "@") return { host: "@" };
  const bare = h.replace(/\.+$/, "");
  let rel: string;
  if (z && bare === z) rel = "@";
  else if (z && bare.endsWith(`.${z}`)) rel = bare.slice(0, -(z.length + 1));
  else if (h.endsWith(".")) return { error: z ? `"${host}" is outside the zone ${z}` : `"${host}" is a full name; use a name relative to the domain (or @)` };
  else rel = bare;
  if (rel === "@") return { host: rel };
  const labels = rel.split(".");
  for (const [i, label] of labels.entries()) {
    if (!label) return { error: `"${rel}" has an empty label (two dots in a row)` };
    if (label.length > 63) return { error: `the label "${label}" is longer than 63 characters` };
    if (label === "*" && i === 0) continue;
    if (!/^[A-Za-z0-9_-]+$/.test(label)) return { error: `"${rel}" is not a valid name (letters, digits, hyphens, underscores and dots)` };
    if (label.startsWith("-") || label.endsWith("-")) return { error: `the label "${label}" starts or ends with a hyphen` };
  }
  return { host: rel };
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

export function txtError(data: string): string | null {
  const t = data.trim();
  if (!t) return "TXT text is required";
  // As the core (dns/validate.rs): tabs are text, other control characters are not.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(t)) return "TXT text cannot contain control characters";
  if (!t.startsWith('"')) {
    if (t.includes('"')) return 'unbalanced quotes: quote the whole text ("...") and write a quote inside it as \\"';
    if (bytes(t) > TXT_CHUNK) return `the text is ${bytes(t)} bytes; a TXT string holds at most ${TXT_CHUNK}: split it into quoted strings ("part 1" "part 2")`;
    return null;
  }
  let i = 0;
  while (i < t.length) {
    while (t[i] === " " || t[i] === "\t") i++;
    if (i >= t.length) break;
    if (t[i] !== '"') return "text outside quotes: put every part in double quotes";
    i++;
    let s = "";
    for (;;) {
      if (i >= t.length) return 'a quoted string is not closed (missing ")';
      const c = t[i++];
      if (c === '"') break;
      if (c === "\\") {
        if (i >= t.length) return "a quoted string ends in a lone backslash";
        s += t[i++];
      } else s += c;
    }
    if (bytes(s) > TXT_CHUNK) return `a quoted string is ${bytes(s)} bytes; each holds at most ${TXT_CHUNK}`;
    if (i < t.length && t[i] !== " " && t[i] !== "\t") return "quoted strings must be separated by spaces";
  }
  return null;
}

function numberError(v: number | null, min: number, what: string): string | null {
  if (v === null || Number.isNaN(v)) return `${what} is required (a number from ${min} to 65535)`;
  if (!Number.isInteger(v) || v < min || v > 65535) return `${what} must be from ${min} to 65535, got ${v}`;
  return null;
}

function targetError(data: string, what: string): string | null {
  const d = data.trim();
  if (!d) return `${what} is required`;
  if (isIPv4(d) || isIPv6(d)) return `${what} must be a host name, not an address (${d}); point an A record at the address and use its name`;
  return hostnameError(d);
}

/** Every problem of `input`, keyed by field (empty when the core would accept it). */
export function validateRecord(input: RecordInput, zone: string): FieldErrors {
  const e: FieldErrors = {};
  const type = input.type;
  if (!type) return { type: "choose a record type" };
  if (type === "SOA") return { type: "the SOA record is managed by the provider and cannot be added or changed" };
  const rel = relativeHost(input.host, zone);
  if ("error" in rel) e.host = rel.error;
  const ttl = input.ttl ?? (type === "FAILOVER" ? DEFAULT_FAILOVER_TTL : DEFAULT_TTL);
  if (ttl < TTL_MIN || ttl > TTL_MAX) e.ttl = `TTL must be from ${TTL_MIN} to ${TTL_MAX} seconds (one week), got ${ttl}`;
  const data = input.data.trim();
  const put = (field: keyof RecordInput, msg: string | null) => {
    if (msg && !e[field]) e[field] = msg;
  };
  switch (type) {
    case "A":
      if (!isIPv4(data)) put("data", data ? `"${data}" is not an IPv4 address (like 203.0.113.10)` : "an IPv4 address is required");
      break;
    case "AAAA":
      if (!isIPv6(data)) put("data", data ? `"${data}" is not an IPv6 address (like 2001:db8::10)` : "an IPv6 address is required");
      break;
    case "CNAME":
      if ("host" in rel && rel.host === "@") put("host", "the zone apex (@) cannot be a CNAME: it has the SOA and NS records");
      put("data", targetError(data, "the canonical name"));
      break;
    case "NS":
      put("data", targetError(data, "the name server"));
      break;
    case "MX":
      put("priority", numberError(input.priority, 0, "the MX priority"));
      put("data", targetError(data, "the mail server"));
      break;
    case "SRV": {
      if ("host" in rel) {
        const labels = rel.host.split(".");
        if (!labels[0].startsWith("_") || labels[0].length < 2 || !["_tcp", "_udp", "_tls", "_sctp"].includes(labels[1] ?? "")) {
          put("host", "an SRV name is _service._protocol (like _sip._tcp), optionally followed by a name");
        }
      }
      put("priority", numberError(input.priority, 0, "the SRV priority"));
      put("weight", numberError(input.weight, 0, "the SRV weight"));
      put("port", numberError(input.port, 1, "the port"));
      if (data !== ".") put("data", targetError(data, "the target host"));
      break;
    }
    case "TXT":
      put("data", txtError(input.data));
      break;
    case "FAILOVER": {
      const parts = data.split(/[\s,]+/).filter(Boolean);
      const bad = parts.find((p) => !isIPv4(p));
      if (parts.length < 2) put("data", "give the primary IPv4 address, then at least one backup address");
      else if (bad) put("data", `"${bad}" is not an IPv4 address`);
      const st = (input.service_type ?? "").trim() || "icmp.ping";
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(st)) put("service_type", `"${st}" is not a service type (like icmp.ping)`);
      break;
    }
  }
  return e;
}

/** Text as quoted strings of at most 255 bytes, `"` and `\` escaped (as the core's `quote_txt`). */
export function quoteTxt(raw: string): string {
  const parts: string[] = [];
  let cur = "";
  let len = 0;
  for (const c of raw) {
    const n = bytes(c);
    if (len + n > TXT_CHUNK) {
      parts.push(cur);
      cur = "";
      len = 0;
    }
    cur += c === '"' || c === "\\" ? `\\${c}` : c;
    len += n;
  }
  parts.push(cur);
  return parts.map((p) => `"${p}"`).join(" ");
}

/** TXT text as the form shows it: plain when it can be, quoted when it must be. */
export function txtForEditing(raw: string): string {
  return raw.includes('"') || bytes(raw) > TXT_CHUNK || raw !== raw.trim() ? quoteTxt(raw) : raw;
}
