import { ActionIcon, Alert, Badge, Button, Drawer, Group, List, Loader, Modal, Select, Stack, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent, useState } from "react";
import type { CreatedZone, DnsRecord, RecordType } from "../../api/bindings";
import { useCreateTemplate, useCreateZone, useDeleteTemplate, useDeleteTemplateRecord, useTemplateRecords, useTemplates } from "../../api/dns";
import type { AppError } from "../../api/errors";
import { isIPv4 } from "../../lib/dnsValidation";
import { useFormSave } from "../../lib/formErrors";
import { RecordFormModal } from "./RecordFormModal";
import { FormActions } from "../../components/FormActions";

const TEMPLATE_TYPES: RecordType[] = ["A", "AAAA", "CNAME", "MX", "TXT", "NS"];

/** A new zone, from an address or a template; afterwards, the name servers to delegate it to. */
export function CreateZoneModal({ opened, onClose, accountId, onCreated }: { opened: boolean; onClose: () => void; accountId: string; onCreated: (id: string) => void }) {
  const form = useForm<{ name: string; ip_address: string; template: string | null }>({
    mode: "controlled",
    initialValues: { name: "", ip_address: "", template: null },
    validate: {
      name: (v) => (/^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(v.trim()) ? null : "a domain name, like example.com"),
      ip_address: (v) => (v.trim() && !isIPv4(v.trim()) ? `"${v.trim()}" is not an IPv4 address` : null),
    },
  });
  const { formError, attempt, clearFormError } = useFormSave(form);
  const [created, setCreated] = useState<CreatedZone | null>(null);
  const templates = useTemplates(accountId, opened);
  const create = useCreateZone(accountId);
  const startClean = useEffectEvent(() => {
    form.reset();
    clearFormError();
    setCreated(null);
  });
  useEffect(() => {
    if (opened) startClean();
  }, [opened]);
  const submit = form.onSubmit((values) =>
    attempt(async () => {
      const z = await create.mutateAsync({ name: values.name, ip_address: values.ip_address.trim() || null, template: values.template });
      setCreated(z);
      onCreated(z.zone.id);
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title="New zone" data-testid="dns-zone-modal">
      {created ? (
        <Stack gap="sm" data-testid="dns-zone-created">
          <Text size="sm">
            <b>{created.zone.name}</b> is ready. Point it at VPS.NET at your registrar with these name servers:
          </Text>
          <List size="sm" ff="monospace">
            {created.nameservers.map((n) => (
              <List.Item key={n.host}>
                {n.host} {n.ip && <Text span c="dimmed" size="xs">({n.ip})</Text>}
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label="Domain" placeholder="example.com" {...form.getInputProps("name")} data-autofocus data-testid="dns-zone-name" />
            <TextInput
              label="Address (optional)"
              description="@ and www point here"
              placeholder="203.0.113.10"
              {...form.getInputProps("ip_address")}
              data-testid="dns-zone-ip"
            />
            <Select
              label="Start from a DNS template (optional)"
              clearable
              data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
              {...form.getInputProps("template")}
              data-testid="dns-zone-template"
            />
            {formError && <Alert color="red">{formError}</Alert>}
            <FormActions onCancel={onClose} busy={create.isPending} submitTestId="dns-zone-submit">
              Create zone
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function TemplateRecords({ accountId, templateId }: { accountId: string; templateId: string }) {
  const records = useTemplateRecords(accountId, templateId);
  const del = useDeleteTemplateRecord(accountId, templateId);
  const [editing, setEditing] = useState<DnsRecord | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const target = { kind: "template" as const, accountId, templateId };
  if (records.isLoading) return <Loader size="sm" />;
  if (records.error) return <Alert color="red">{records.error.message}</Alert>;
  return (
    <Stack gap="xs">
      <Table fz="sm" verticalSpacing={4} data-testid="dns-template-records">
        <Table.Tbody>
          {(records.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td w={70}>
                <Badge size="sm" variant="light">
                  {r.type}
                </Badge>
              </Table.Td>
              <Table.Td ff="monospace">{r.host}</Table.Td>
              <Table.Td ff="monospace">
                {r.priority != null ? `${r.priority} ` : ""}
                {r.data}
              </Table.Td>
              <Table.Td>{r.ttl}</Table.Td>
              <Table.Td w={70}>
                <Group gap={2} wrap="nowrap">
                  <Tooltip label="Change the value or TTL">
                    <ActionIcon variant="subtle" aria-label={`Edit ${r.type} ${r.host}`} onClick={() => { setEditing(r); setFormOpen(true); }}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete ${r.type} ${r.host}`} onClick={() => del.mutate(r.id)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {records.data?.length === 0 && <Text size="sm" c="dimmed">No records yet.</Text>}
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => { setEditing(null); setFormOpen(true); }} style={{ alignSelf: "flex-start" }} data-testid="dns-template-add-record">
        Add record
      </Button>
      <RecordFormModal opened={formOpen} onClose={() => setFormOpen(false)} target={target} zoneName="" record={editing} types={TEMPLATE_TYPES} />
    </Stack>
  );
}

/** DNS templates: the records a new zone can start with. */
export function TemplatesDrawer({ opened, onClose, accountId }: { opened: boolean; onClose: () => void; accountId: string }) {
  const templates = useTemplates(accountId, opened);
  const create = useCreateTemplate(accountId);
  const del = useDeleteTemplate(accountId);
  const [open, setOpen] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    try {
      const t = await create.mutateAsync(name);
      setName("");
      setOpen(t.id);
    } catch (e) {
      setError((e as AppError).message);
    }
  };
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={560} title="DNS templates" data-testid="dns-templates">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          A new zone created from a template starts with its records. VPS.NET changes only the value and TTL of a template record.
        </Text>
        <Group align="flex-start" gap="xs">
          <TextInput placeholder="Template name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} style={{ flex: 1 }} data-testid="dns-template-name" />
          <Button onClick={() => void add()} disabled={!name.trim()} loading={create.isPending} data-testid="dns-template-create">
            Create
          </Button>
        </Group>
        {templates.isLoading && <Loader size="sm" />}
        {templates.error && <Alert color="red">{templates.error.message}</Alert>}
        {(templates.data ?? []).map((t) => (
          <Stack key={t.id} gap={6} p="xs" style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 6 }} data-testid={`dns-template-${t.id}`}>
            <Group justify="space-between">
              <Button variant="subtle" size="compact-sm" onClick={() => setOpen(open === t.id ? null : t.id)}>
                {t.name}
              </Button>
              <Tooltip label="Delete the template">
                <ActionIcon variant="subtle" color="red" aria-label={`Delete template ${t.name}`} onClick={() => del.mutate(t.id)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            {open === t.id && <TemplateRecords accountId={accountId} templateId={t.id} />}
          </Stack>
        ))}
      </Stack>
    </Drawer>
  );
}
