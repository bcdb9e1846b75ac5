import { Alert, Anchor, Button, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconExternalLink, IconInfoCircle, IconPlus } from "@tabler/icons-react";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import type { Ticket, TicketStatus } from "../api/bindings";
import { useTicketAccounts, useTickets } from "../api/tickets";
import { NewTicketModal, type NewTicketPrefill } from "../features/tickets/NewTicketModal";
import { TicketsTable } from "../features/tickets/TicketsTable";
import { TicketThreadDrawer } from "../features/tickets/TicketThreadDrawer";
import { useViewedTickets } from "../features/tickets/viewed";
import { serverTarget, pagePath } from "../routes";

type StatusFilter = TicketStatus | "all";

/** Support tickets of every account whose provider has a ticket API; the others say where to go. */
export function TicketsPage() {
  const accounts = useTicketAccounts();
  const [status, setStatus] = useState<StatusFilter>("all");
  const [department, setDepartment] = useState<string | null>(null);
  const tickets = useTickets({ status: status === "all" ? null : status, department });
  const { viewed, markViewed } = useViewedTickets();
  const [selected, setSelected] = useState<Ticket | null>(null);
  const [newOpen, setNewOpen] = useState(false);
  const [prefill, setPrefill] = useState<NewTicketPrefill | null>(null);

  // "Open a ticket about this server" arrives as /tickets?account=…&server=…; the form takes it
  // over and the URL goes back to the plain page, so a reload doesn't open the form again.
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const asked = serverTarget(search);
  const askedAccount = asked?.accountId;
  const askedServer = asked?.serverId;
  useEffect(() => {
    if (!askedAccount || !askedServer) return;
    setPrefill({ accountId: askedAccount, serverId: askedServer });
    setNewOpen(true);
    void navigate(pagePath("tickets"), { replace: true });
  }, [askedAccount, askedServer, navigate]);

  const supported = (accounts.data ?? []).filter((a) => a.supported);
  const unsupported = (accounts.data ?? []).filter((a) => !a.supported);
  // The departments the ticket accounts' providers name (VPS.NET's six), once each.
  const departments = [...new Map(supported.flatMap((a) => a.departments).map((d) => [d.id, d.name])).entries()];
  const departmentName = departments.find(([id]) => id === department)?.[1];
  const onViewed = useCallback((t: Ticket, last: string | null) => markViewed(t, last), [markViewed]);
  // The row's data stays current while the thread is open.
  const current = selected && (tickets.data?.tickets.find((t) => t.account_id === selected.account_id && t.id === selected.id) ?? selected);

  return (
    <Stack gap="sm" data-testid="tickets-page">
      <Group justify="space-between">
        <Title order={3}>Support tickets</Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            data={[
              { value: "all", label: "All" },
              { value: "open", label: "Open" },
              { value: "hold", label: "On hold" },
              { value: "closed", label: "Closed" },
            ]}
            data-testid="tickets-status-filter"
          />
          {departments.length > 0 && (
            <Select
              size="xs"
              w={170}
              aria-label="Department"
              placeholder="All departments"
              clearable
              data={departments.map(([value, label]) => ({ value, label }))}
              value={department}
              onChange={setDepartment}
              data-testid="tickets-department-filter"
            />
          )}
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={supported.length === 0}
            onClick={() => {
              setPrefill(null);
              setNewOpen(true);
            }}
            data-testid="new-ticket-button"
          >
            New ticket
          </Button>
        </Group>
      </Group>

      {accounts.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          {accounts.error.message}
        </Alert>
      )}
      {unsupported.length > 0 && (
        <Alert color="gray" variant="light" py={6} icon={<IconInfoCircle size={16} />} data-testid="tickets-unsupported">
          <Stack gap={2}>
            {unsupported.map((a) => {
              // The message names the support page; it becomes the link.
              const [before, after] = (a.message ?? "").split(a.support_url);
              return (
                <Text size="sm" key={a.account_id} data-testid={`tickets-unsupported-${a.account_id}`}>
                  <b>{a.account}</b>: {before}
                  <Anchor href={a.support_url} target="_blank" rel="noreferrer" size="sm" data-testid={`tickets-support-link-${a.account_id}`}>
                    {a.support_url} <IconExternalLink size={12} />
                  </Anchor>
                  {after}
                </Text>
              );
            })}
          </Stack>
        </Alert>
      )}
      {tickets.data?.errors.map((e) => (
        <Alert key={e.account_id} color="red" variant="light" py={6} icon={<IconAlertTriangle size={16} />} data-testid={`tickets-error-${e.account_id}`}>
          <b>{e.account}</b>: {e.error.message}
        </Alert>
      ))}
      {tickets.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="tickets-error">
          {tickets.error.message}
        </Alert>
      )}

      {(tickets.isPending || accounts.isPending) && <Loader size="sm" data-testid="tickets-loading" />}
      {tickets.data && supported.length > 0 && tickets.data.tickets.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="tickets-empty">
          {status === "all" && !department ? "No tickets yet." : `No ${status === "all" ? "" : `${status === "hold" ? "on-hold" : status} `}tickets${departmentName ? ` in ${departmentName}` : ""}.`}
        </Text>
      )}
      {accounts.data && supported.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="tickets-none-supported">
          None of your accounts' providers has a ticket API; use the support pages above.
        </Text>
      )}
      {tickets.data && tickets.data.tickets.length > 0 && (
        <TicketsTable tickets={tickets.data.tickets} viewed={viewed} onOpen={setSelected} />
      )}

      <TicketThreadDrawer ticket={current} onClose={() => setSelected(null)} onViewed={onViewed} />
      <NewTicketModal
        opened={newOpen}
        onClose={() => setNewOpen(false)}
        accounts={supported}
        prefill={prefill}
        onOpened={setSelected}
      />
    </Stack>
  );
}
