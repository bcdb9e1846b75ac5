import { Badge, Loader } from "@mantine/core";
import type { Status } from "../api/bindings";
import { STATUS_COLORS, isTransitional } from "../lib/labels";

/** An unknown status reads the provider's own word (`unknown: migrating`):
 *  "unknown" alone would hide the one thing the user can act on. */
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
    <Badge
      data-testid={testId}
      data-status={status}
      color={color}
      variant="light"
      className={`status-badge status-${status}`}
      size="sm"
      radius="sm"
      title={title}
      leftSection={isTransitional(status) ? <Loader size={10} color={color} type="oval" aria-hidden /> : undefined}
      styles={{ root: { textTransform: "none", fontWeight: 600 } }}
    >
      {word}
    </Badge>
  );
}
