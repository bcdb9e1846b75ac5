import {
  Alert,
  Button,
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
import { IconAlertTriangle, IconLock, IconShieldCheck } from "@tabler/icons-react";
import { useEffect, useEffectEvent, useState, type FormEvent } from "react";
import type { Ticket, TicketAccount } from "../../api/bindings";
import { toAppError, type AppError } from "../../api/errors";
import { useManagedServices, useOpenTicket, useServersOf } from "../../api/tickets";
import { notifySuccess } from "../../lib/notify";
import { CREDENTIALS_NOTE } from "./TicketThreadDrawer";
import { ticketProblems } from "../../lib/textRules";

export type NewTicketPrefill = { accountId: string; serverId: string | null };

type Props = {
  opened: boolean;
  onClose: () => void;
  accounts: TicketAccount[];
  prefill: NewTicketPrefill | null;
  onOpened: (t: Ticket) => void;
};

const SERVER_ISSUE_DEFAULT = "reboot";

/**
 * The new-ticket form. Which fields show depends on the department, as the provider's rules say
 * (a domain for some, a server and a subject type for server issues). Credentials for staff are
 * held only in this component's state and cleared on submit, whatever the outcome.
 */
export function NewTicketModal({ opened, onClose, accounts, prefill, onOpened }: Props) {
  const open = useOpenTicket();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [domain, setDomain] = useState("");
  const [serverId, setServerId] = useState<string | null>(null);
  const [issue, setIssue] = useState<string | null>(null);
  const [rootPassword, setRootPassword] = useState("");
  const [sshPort, setSshPort] = useState("");
  const [sshUser, setSshUser] = useState("");
  const [sshPassword, setSshPassword] = useState("");
  const [error, setError] = useState<AppError | null>(null);

  const clearCredentials = () => {
    setRootPassword("");
    setSshPort("");
    setSshUser("");
    setSshPassword("");
  };

  // Every opening starts from the prefill (or the first account) and an empty form; refetches of
  // the account list (a new array each time) must not reset what is being typed.
  const accountIds = accounts.map((a) => a.account_id).join(",");
  const startFromPrefill = useEffectEvent(() => {
    const account = accounts.find((a) => a.account_id === prefill?.accountId) ?? accounts[0];
    const serverDept = account?.departments.find((d) => d.needs === "server");
    setAccountId(account?.account_id ?? null);
    setDepartment(prefill?.serverId && serverDept ? serverDept.id : null);
    setServerId(prefill?.serverId ?? null);
    setIssue(prefill?.serverId ? SERVER_ISSUE_DEFAULT : null);
    setSubject("");
    setBody("");
    setDomain("");
    clearCredentials();
    setError(null);
  });
  useEffect(() => {
    if (opened) startFromPrefill();
  }, [opened, prefill, accountIds]);

  const account = accounts.find((a) => a.account_id === accountId);
  const dept = account?.departments.find((d) => d.id === department);
  const needs = dept?.needs ?? "nothing";
  const servers = useServersOf(needs === "server" ? accountId : null);
  const managed = useManagedServices(needs === "server" ? accountId : null);
  const managedService = managed.data?.find((m) => m.server_id === serverId);

  const close = () => {
    clearCredentials();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!accountId) return;
    setError(null);
    const server = needs === "server";
    const problems = ticketProblems(subject, body, server);
    if (problems.length > 0) {
      setError({ kind: "validation", message: problems.map((f) => `${f.field}: ${f.message}`).join("; "), fields: problems });
      return;
    }
    const request = {
      department: department ?? "",
      subject,
      body,
      domain_name: needs === "domain" ? domain : null,
      server_id: server ? serverId : null,
      issue: server ? issue : null,
      root_password: server && rootPassword ? rootPassword : null,
      ssh_port: server && sshPort ? sshPort : null,
      ssh_user: server && sshUser ? sshUser : null,
      ssh_password: server && sshPassword ? sshPassword : null,
    };
    // The credentials leave this form's state now, whatever the call's outcome.
    clearCredentials();
    try {
      const ticket = await open.run(accountId, request);
      notifySuccess(`Ticket ${ticket.id} opened`, ticket.subject);
      onClose();
      onOpened(ticket);
    } catch (err) {
      setError(toAppError(err));
    }
  };

  const fieldError = (f: string) => error?.fields.find((x) => x.field === f)?.message;
  const serverOptions = (servers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }));

  return (
    <Modal opened={opened} onClose={close} title="New support ticket" size="lg">
      <form onSubmit={submit} data-testid="new-ticket-form" autoComplete="off">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label="Account"
              data={accounts.map((a) => ({ value: a.account_id, label: a.account }))}
              value={accountId}
              onChange={(v) => {
                setAccountId(v);
                setServerId(null);
              }}
              allowDeselect={false}
              error={fieldError("account")}
              data-testid="new-ticket-account"
            />
            <Select
              label="Department"
              placeholder="Choose…"
              data={(account?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={department}
              onChange={(v) => {
                setDepartment(v);
                if (account?.departments.find((d) => d.id === v)?.needs !== "server") clearCredentials();
              }}
              allowDeselect={false}
              error={fieldError("department")}
              data-testid="new-ticket-department"
            />
          </SimpleGrid>
          {needs === "server" && (
            <SimpleGrid cols={2}>
              <Select
                label="Server"
                placeholder={servers.isPending ? "Loading servers…" : "Choose the server"}
                data={serverOptions}
                value={serverId}
                onChange={setServerId}
                searchable
                nothingFoundMessage="No such server"
                error={fieldError("server_id") ?? (servers.isError ? servers.error.message : undefined)}
                data-testid="new-ticket-server"
              />
              <Select
                label="What is wrong"
                data={(account?.issue_types ?? []).map((i) => ({ value: i.id, label: i.name }))}
                value={issue}
                onChange={setIssue}
                allowDeselect={false}
                error={fieldError("issue")}
                data-testid="new-ticket-issue"
              />
            </SimpleGrid>
          )}
          {managedService && (
            <Alert color="teal" variant="light" icon={<IconShieldCheck size={16} />} py={6} data-testid="new-ticket-managed">
              This server has Pro-Active Managed Services (support IP {managedService.support_ip}, renews{" "}
              {managedService.renewal_date}).
            </Alert>
          )}
          {needs === "domain" && (
            <TextInput
              label="Domain name"
              placeholder="www.example.com"
              value={domain}
              onChange={(e) => setDomain(e.currentTarget.value)}
              error={fieldError("domain_name")}
              data-testid="new-ticket-domain"
            />
          )}
          <TextInput
            label="Subject"
            description={needs === "server" ? "Optional: it heads the message, the ticket's subject is what is wrong" : undefined}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={fieldError("subject")}
            data-testid="new-ticket-subject"
          />
          <Textarea
            label="Message"
            autosize
            minRows={4}
            maxRows={12}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError("body")}
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
                  value={rootPassword}
                  onChange={(e) => setRootPassword(e.currentTarget.value)}
                  error={fieldError("root_password")}
                  autoComplete="off"
                  data-testid="new-ticket-root-password"
                />
                <TextInput
                  label="SSH port"
                  inputMode="numeric"
                  placeholder="22"
                  value={sshPort}
                  onChange={(e) => setSshPort(e.currentTarget.value)}
                  error={fieldError("ssh_port")}
                  autoComplete="off"
                  data-testid="new-ticket-ssh-port"
                />
                <TextInput
                  label="SSH user"
                  value={sshUser}
                  onChange={(e) => setSshUser(e.currentTarget.value)}
                  error={fieldError("ssh_user")}
                  autoComplete="off"
                  data-testid="new-ticket-ssh-user"
                />
                <PasswordInput
                  label="SSH password"
                  value={sshPassword}
                  onChange={(e) => setSshPassword(e.currentTarget.value)}
                  error={fieldError("ssh_password")}
                  autoComplete="off"
                  data-testid="new-ticket-ssh-password"
                />
              </SimpleGrid>
            </Fieldset>
          )}
          {error && error.fields.length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="new-ticket-error">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={open.pending} disabled={!accountId} data-testid="new-ticket-submit">
              Open ticket
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
