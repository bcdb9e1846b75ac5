import { Text } from "@mantine/core";
import { readTime, formatTime, UNREAD_NOTE } from "../lib/time";

/**
 * A provider time in the user's local time, with the UTC instant on hover; one vpsdesk could not
 * read is shown as the provider sent it, marked so.
 */
export function Time({ value }: { value: string | null | undefined }) {
  const t = readTime(value);
  if (!t) return <>—</>;
  if (t.kind === "unread") {
    return (
      <span data-testid="time-unread" title={UNREAD_NOTE}>
        {t.text}{" "}
        <Text span size="xs" c="dimmed">
          (as sent)
        </Text>
      </span>
    );
  }
  return (
    <time dateTime={value ?? undefined} title={t.kind === "instant" ? `${value} (UTC)` : undefined}>
      {formatTime(value)}
    </time>
  );
}
