import { Badge, Box, Group, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import type { Ticket } from "../../api/bindings";
import { age, TICKET_STATUS_COLORS } from "./format";
import { isUnread, ticketKey } from "./viewed";
import { Time } from "../../components/Time";
import { timeMs } from "../../lib/time";

type Props = {
  tickets: Ticket[];
  viewed: Record<string, string>;
  onOpen: (t: Ticket) => void;
};

function LastResponse({ t }: { t: Ticket }) {
  if (!t.last_response_time && !t.last_responded) return <Text size="sm">—</Text>;
  const who = t.last_response_by === "staff" ? "Staff" : t.last_response_by === "customer" ? "You" : (t.last_responded ?? "—");
  return (
    <Text size="sm" title={t.last_responded ?? undefined}>
      {who} · <Time value={t.last_response_time} />
    </Text>
  );
}

/** Tickets of every account, the most recently answered first; unread ones are marked and bold. */
export function TicketsTable({ tickets, viewed, onOpen }: Props) {
  const rows = [...tickets].sort((a, b) => timeMs(b.last_response_time) - timeMs(a.last_response_time));
  return (
    <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="tickets-table" className="tickets-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={24} aria-label="Unread" />
          <Table.Th>Subject</Table.Th>
          <Table.Th>Account</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Department</Table.Th>
          <Table.Th>Last response</Table.Th>
          <Table.Th>Age</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((t) => {
          const key = ticketKey(t);
          const unread = isUnread(t, viewed);
          return (
            <Table.Tr
              key={key}
              data-testid={`ticket-row-${key}`}
              data-unread={unread || undefined}
              onClick={() => onOpen(t)}
              style={{ cursor: "pointer" }}
            >
              <Table.Td>
                {unread && (
                  <Tooltip label="Staff answered since you last looked">
                    <Box
                      w={8}
                      h={8}
                      bg="blue"
                      style={{ borderRadius: "50%" }}
                      role="img"
                      aria-label="Unread staff answer"
                      data-testid={`ticket-unread-${key}`}
                    />
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                <UnstyledButton
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(t);
                  }}
                  data-testid={`ticket-open-${key}`}
                >
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={unread ? 700 : 500} lineClamp={1}>
                      {t.subject || "(no subject)"}
                    </Text>
                    <Text size="xs" c="dimmed">
                      #{t.id}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{t.account}</Table.Td>
              <Table.Td>
                <Badge
                  color={TICKET_STATUS_COLORS[t.status]}
                  variant="light"
                  size="sm"
                  radius="sm"
                  title={t.provider_status}
                  data-testid={`ticket-status-${key}`}
                  data-status={t.status}
                  styles={{ root: { textTransform: "none", fontWeight: 600 } }}
                >
                  {t.status}
                </Badge>
              </Table.Td>
              <Table.Td>{t.department || "—"}</Table.Td>
              <Table.Td data-testid={`ticket-last-${key}`}>
                <LastResponse t={t} />
              </Table.Td>
              <Table.Td title={t.last_response_time ?? undefined}>
                <Text size="sm" c="dimmed">
                  {age(t.last_response_time)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
