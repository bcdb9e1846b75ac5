import {
  Alert,
  Fieldset,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconLock, IconShieldCheck } from "@tabler/icons-react";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent, useState } from "react";
import type { Ticket } from "../../api/bindings";
import type { TicketAccount } from "../../api/tickets";
import { applyFieldErrors } from "../../lib/formErrors";
import { useManagedServices, useOpenTicket, useServersOf } from "../../api/tickets";
import { notifySuccess } from "../../lib/notify";
import { CREDENTIALS_NOTE } from "./TicketThreadDrawer";
import { ticketProblems } from "../../lib/textRules";
import { FormActions, FormError } from "../../components/FormActions";
import { Time } from "../../components/Time";

export type NewTicketPrefill = { accountId: string; serverId: string | null };

type Props = {
  opened: boolean;
  onClose: () => void;
  accounts: TicketAccount[];
  prefill: NewTicketPrefill | null;
  onOpened: (t: Ticket) => void;
};

const SERVER_ISSUE_DEFAULT = "reboot";

/** Keyed by the request's field names, so the provider's field errors land under their fields. */
type TicketValues = {
  account: string | null;
  department: string | null;
  server_id: string | null;
  issue: string | null;
  domain_name: string;
  subject: string;
  body: string;
  root_password: string;
  ssh_port: string;
  ssh_user: string;
  ssh_password: string;
};

const NO_CREDENTIALS = { root_password: "", ssh_port: "", ssh_user: "", ssh_password: "" };

/**
 * The new-ticket form. Which fields show depends on the department, as the provider's rules say
 * (a domain for some, a server and a subject type for server issues). Credentials for staff are
 * held only in this component's state and cleared on submit, whatever the outcome.
 */
export function NewTicketModal({ opened, onClose, accounts, prefill, onOpened }: Props) {
  const open = useOpenTicket();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TicketValues>({
    mode: "controlled",
    initialValues: { account: null, department: null, server_id: null, issue: null, domain_name: "", subject: "", body: "", ...NO_CREDENTIALS },
    validate: (v) => Object.fromEntries(ticketProblems(v.subject, v.body, needsOf(v) === "server").map((p) => [p.field, p.message])),
  });
  const values = form.values;

  const clearCredentials = () => form.setValues(NO_CREDENTIALS);

  // Every opening starts from the prefill (or the first account) and an empty form; refetches of
  // the account list (a new array each time) must not reset what is being typed.
  const accountIds = accounts.map((a) => a.account_id).join(",");
  const startFromPrefill = useEffectEvent(() => {
    const account = accounts.find((a) => a.account_id === prefill?.accountId) ?? accounts[0];
    const serverDept = account?.departments.find((d) => d.needs === "server");
    form.setValues({
      account: account?.account_id ?? null,
      department: prefill?.serverId && serverDept ? serverDept.id : null,
      server_id: prefill?.serverId ?? null,
      issue: prefill?.serverId ? SERVER_ISSUE_DEFAULT : null,
      domain_name: "",
      subject: "",
      body: "",
      ...NO_CREDENTIALS,
    });
    form.clearErrors();
    setFormError(null);
  });
  useEffect(() => {
    if (opened) startFromPrefill();
  }, [opened, prefill, accountIds]);

  const accountId = values.account;
  const account = accounts.find((a) => a.account_id === accountId);
  function needsOf(v: TicketValues) {
    return accounts.find((a) => a.account_id === v.account)?.departments.find((d) => d.id === v.department)?.needs ?? "nothing";
  }
  const needs = needsOf(values);
  const servers = useServersOf(needs === "server" ? accountId : null);
  const managed = useManagedServices(needs === "server" ? accountId : null);
  const managedService = managed.data?.find((m) => m.server_id === values.server_id);

  const close = () => {
    clearCredentials();
    onClose();
  };

  const submit = form.onSubmit(async (v) => {
    if (!v.account) return;
    setFormError(null);
    const server = needs === "server";
    const request = {
      department: v.department ?? "",
      subject: v.subject,
      body: v.body,
      domain_name: needs === "domain" ? v.domain_name : null,
      server_id: server ? v.server_id : null,
      issue: server ? v.issue : null,
      root_password: server && v.root_password ? v.root_password : null,
      ssh_port: server && v.ssh_port ? v.ssh_port : null,
      ssh_user: server && v.ssh_user ? v.ssh_user : null,
      ssh_password: server && v.ssh_password ? v.ssh_password : null,
    };
    // The credentials leave this form's state now, whatever the call's outcome.
    clearCredentials();
    try {
      const ticket = await open.run(v.account, request);
      notifySuccess(`Ticket ${ticket.id} opened`, ticket.subject);
      onClose();
      onOpened(ticket);
    } catch (err) {
      const failure = applyFieldErrors(form, err);
      if (!failure.placed) setFormError(failure.message);
    }
  });

  const serverOptions = (servers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }));

  return (
    <Modal opened={opened} onClose={close} title="New support ticket" size="lg">
      <form onSubmit={submit} data-testid="new-ticket-form" autoComplete="off">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label="Account"
              data={accounts.map((a) => ({ value: a.account_id, label: a.account }))}
              {...form.getInputProps("account")}
              onChange={(v) => form.setValues({ account: v, server_id: null })}
              allowDeselect={false}
              data-testid="new-ticket-account"
            />
            <Select
              label="Department"
              placeholder="Choose…"
              data={(account?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              {...form.getInputProps("department")}
              onChange={(v) => {
                form.setFieldValue("department", v);
                if (account?.departments.find((d) => d.id === v)?.needs !== "server") clearCredentials();
              }}
              allowDeselect={false}
              data-testid="new-ticket-department"
            />
          </SimpleGrid>
          {needs === "server" && (
            <SimpleGrid cols={2}>
              <Select
                label="Server"
                placeholder={servers.isPending ? "Loading servers…" : "Choose the server"}
                data={serverOptions}
                {...form.getInputProps("server_id")}
                searchable
                nothingFoundMessage="No such server"
                error={form.errors.server_id ?? (servers.isError ? servers.error.message : undefined)}
                data-testid="new-ticket-server"
              />
              <Select
                label="What is wrong"
                data={(account?.issue_types ?? []).map((i) => ({ value: i.id, label: i.name }))}
                {...form.getInputProps("issue")}
                allowDeselect={false}
                data-testid="new-ticket-issue"
              />
            </SimpleGrid>
          )}
          {managedService && (
            <Alert color="teal" variant="light" icon={<IconShieldCheck size={16} />} py={6} data-testid="new-ticket-managed">
              This server has Pro-Active Managed Services (support IP {managedService.support_ip}, renews{" "}
              <Time value={managedService.renewal_date} />).
            </Alert>
          )}
          {needs === "domain" && (
            <TextInput
              label="Domain name"
              placeholder="www.example.com"
              {...form.getInputProps("domain_name")}
              data-testid="new-ticket-domain"
            />
          )}
          <TextInput
            label="Subject"
            description={needs === "server" ? "Optional: it heads the message, the ticket's subject is what is wrong" : undefined}
            {...form.getInputProps("subject")}
            data-testid="new-ticket-subject"
          />
          <Textarea
            label="Message"
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps("body")}
            data-testid="new-ticket-body"
          />
          {needs === "server" && (
            <Fieldset
              legend={
                <Group gap={6}>
                  <IconLock size={14} />
                  <Text size="sm" fw={500}>
                    Access for staff (optional)
                  </Text>
                </Group>
              }
              data-testid="new-ticket-credentials"
            >
              <Text size="xs" c="dimmed" mb="xs">
                {CREDENTIALS_NOTE} Give them only if staff asked for them.
              </Text>
              <SimpleGrid cols={2}>
                <PasswordInput
                  label="Root password"
                  {...form.getInputProps("root_password")}
                  autoComplete="off"
                  data-testid="new-ticket-root-password"
                />
                <TextInput
                  label="SSH port"
                  inputMode="numeric"
                  placeholder="22"
                  {...form.getInputProps("ssh_port")}
                  autoComplete="off"
                  data-testid="new-ticket-ssh-port"
                />
                <TextInput
                  label="SSH user"
                  {...form.getInputProps("ssh_user")}
                  autoComplete="off"
                  data-testid="new-ticket-ssh-user"
                />
                <PasswordInput
                  label="SSH password"
                  {...form.getInputProps("ssh_password")}
                  autoComplete="off"
                  data-testid="new-ticket-ssh-password"
                />
              </SimpleGrid>
            </Fieldset>
          )}
          <FormError message={formError} testId="new-ticket-error" />
          <FormActions onCancel={close} busy={open.pending} disabled={!accountId} submitTestId="new-ticket-submit">
            Open ticket
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
