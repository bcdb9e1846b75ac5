import { Badge, Loader } from "@mantine/core";
import type { Status } from "../api/bindings";
import { STATUS_COLORS, isTransitional } from "../lib/labels";

export function StatusBadge({ status, testId, title }: { status: Status; testId?: string; title?: string }) {
  const color = STATUS_COLORS[status] ?? "dark";
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
      {status}
    </Badge>
  );
}
