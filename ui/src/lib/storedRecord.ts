/** A record of strings kept in localStorage as JSON; anything missing or unreadable there reads as empty. */
export function readStoredRecord(key: string): Record<string, string> {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? "{}");
    return v && typeof v === "object" ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function writeStoredRecord(key: string, record: Record<string, string>) {
  localStorage.setItem(key, JSON.stringify(record));
}
