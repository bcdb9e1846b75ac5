import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import type { Ticket } from "../../api/bindings";
import { useFormSave } from "../../lib/formErrors";
import { FormError } from "../../components/FormActions";
import { awaitingStaff, useCloseTicket, useReplyTicket, useTicketThread } from "../../api/tickets";
import { TICKET_STATUS_COLORS } from "./format";
import { Time } from "../../components/Time";

export const CREDENTIALS_NOTE = "Sent to VPS.NET staff over the API, never stored by vpsdesk.";

type Props = {
  ticket: Ticket | null;
  onClose: () => void;
  /** Called with the newest message time whenever the thread is shown. */
  onViewed: (t: Ticket, lastResponseTime: string | null) => void;
};

function ReplyBox({ ticket }: { ticket: Ticket }) {
  const reply = useReplyTicket();
  const form = useForm({ mode: "controlled", initialValues: { body: "", root_password: "" } });
  const { formError, attempt } = useFormSave(form);

  const submit = form.onSubmit(({ body, root_password }) =>
    attempt(async () => {
      // Cleared before the call returns, whatever its outcome.
      form.setFieldValue("root_password", "");
      await reply.run(ticket.account_id, ticket.id, { body, root_password: root_password || null });
      form.setFieldValue("body", "");
    }),
  );

  return (
    <form onSubmit={submit} data-testid="ticket-reply-form">
      <Stack gap="xs">
        <Textarea
          label="Reply"
          placeholder="Write to the support staff…"
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps("body")}
          data-testid="ticket-reply-body"
        />
        <PasswordInput
          label="Root password (optional)"
          description={CREDENTIALS_NOTE}
          leftSection={<IconLock size={14} />}
          autoComplete="off"
          {...form.getInputProps("root_password")}
          data-testid="ticket-reply-root-password"
        />
        <FormError message={formError} testId="ticket-reply-error" />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={reply.pending} disabled={!form.values.body.trim()} data-testid="ticket-reply-submit">
            Send reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One ticket's conversation, oldest first, with a reply box and Close. */
export function TicketThreadDrawer({ ticket, onClose, onViewed }: Props) {
  const thread = useTicketThread(ticket?.account_id ?? null, ticket?.id ?? null);
  const close = useCloseTicket();
  const data = thread.data;
  const lastTime = data?.messages[data.messages.length - 1]?.time ?? null;

  useEffect(() => {
    if (ticket && data) onViewed(ticket, lastTime);
  }, [ticket, data, lastTime, onViewed]);

  return (
    <Drawer
      opened={!!ticket}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        ticket && (
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} lineClamp={1}>
              {data?.subject || ticket.subject}
            </Text>
            <Text size="sm" c="dimmed">
              #{ticket.id}
            </Text>
          </Group>
        )
      }
      data-testid="ticket-thread"
    >
      {ticket && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={TICKET_STATUS_COLORS[data?.status ?? ticket.status]} variant="light" data-testid="ticket-thread-status">
              {data?.status ?? ticket.status}
            </Badge>
            <Text size="sm" c="dimmed">
              {ticket.account} · {ticket.department}
            </Text>
          </Group>
          {thread.isPending && <Loader size="sm" />}
          {thread.isError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="ticket-thread-error">
              {thread.error.message}
            </Alert>
          )}
          {data && (
            <Stack gap="xs" data-testid="ticket-messages">
              {data.messages.map((m, i) => (
                <Paper
                  key={i}
                  withBorder
                  p="sm"
                  radius="sm"
                  bg={m.staff ? "var(--mantine-color-blue-light)" : undefined}
                  data-testid={`ticket-message-${i}`}
                  data-author={m.author}
                >
                  <Group justify="space-between" mb={4}>
                    <Text size="xs" fw={700}>
                      {m.staff ? "Staff" : "You"}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <Time value={m.time} />
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {m.body}
                  </Text>
                </Paper>
              ))}
              {awaitingStaff(data) && (
                <Group gap={6} data-testid="ticket-awaiting-staff">
                  <Loader size={12} />
                  <Text size="xs" c="dimmed">
                    Waiting for staff to answer…
                  </Text>
                </Group>
              )}
            </Stack>
          )}
          <ReplyBox key={`${ticket.account_id}-${ticket.id}`} ticket={ticket} />
          {data?.status !== "closed" && (
            <Group justify="flex-start">
              <Button
                variant="default"
                size="xs"
                loading={close.isPending}
                onClick={() => close.mutate({ account_id: ticket.account_id, id: ticket.id })}
                data-testid="ticket-close"
              >
                Close ticket
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
