import { Loader } from "@mantine/core";
import type { Status } from "../api/bindings";
import { STATUS_COLORS, isTransitional } from "../lib/labels";

/**
 * A server's status in the look of Mantine's light Badge (size sm), as a plain element styled by
 * `.status-badge` (styles.css): one shows in every row of a screenful that mounts at once after a
 * search, sort or scroll. An unknown status reads the provider's own word (`unknown: migrating`):
 * "unknown" alone would hide the one thing the user can act on.
 */
export function StatusBadge({
  status,
  providerStatus,
  testId,
  title,
}: {
  status: Status;
  providerStatus?: string;
  testId?: string;
  title?: string;
}) {
  const color = STATUS_COLORS[status] ?? "dark";
  const said = providerStatus?.trim();
  const word = status === "unknown" && said && said.toLowerCase() !== "unknown" ? `unknown: ${said}` : status;
  return (
    <span data-testid={testId} data-status={status} data-color={color} className="status-badge" title={title}>
      {isTransitional(status) && <Loader size={10} color={color} type="oval" aria-hidden />}
      <span className="status-badge-label">{word}</span>
    </span>
  );
}
