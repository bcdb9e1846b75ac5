import { Alert, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { FormActions } from "../../components/FormActions";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent, useMemo, useState } from "react";
import type { DnsRecord, RecordInput, RecordType } from "../../api/bindings";
import { useSaveRecord, type RecordTarget } from "../../api/dns";
import { applyFieldErrors } from "../../lib/formErrors";
import { DEFAULT_FAILOVER_TTL, DEFAULT_TTL, EDITABLE_TYPES, fieldsOf, txtForEditing, validateRecord, type FieldErrors } from "../../lib/dnsValidation";

type Props = {
  opened: boolean;
  onClose: () => void;
  target: RecordTarget;
  /** The zone's domain (empty for template records, whose names are relative). */
  zoneName: string;
  /** The record being edited; `null` adds a new one. */
  record: DnsRecord | null;
  /** Types this target accepts (templates take fewer). */
  types?: RecordType[];
};

const HINTS: Record<RecordType, { data: string; placeholder: string }> = {
  A: { data: "IPv4 address", placeholder: "203.0.113.10" },
  AAAA: { data: "IPv6 address", placeholder: "2001:db8::10" },
  CNAME: { data: "Canonical name", placeholder: "www.example.com" },
  MX: { data: "Mail server", placeholder: "mail.example.com" },
  TXT: { data: "Text", placeholder: 'v=spf1 mx -all   or   "part 1" "part 2"' },
  NS: { data: "Name server", placeholder: "dns1.vps.net." },
  SRV: { data: "Target host", placeholder: "sip.example.com" },
  FAILOVER: { data: "Primary address, then backups", placeholder: "64.152.33.1 127.0.0.2 127.0.0.3" },
  SOA: { data: "Primary name server", placeholder: "" },
};

function blank(type: RecordType): RecordInput {
  return { type, host: "", data: "", ttl: null, priority: null, weight: null, port: null, service_type: null };
}

function fromRecord(r: DnsRecord): RecordInput {
  return {
    type: r.type,
    host: r.host,
    data: r.type === "TXT" ? txtForEditing(r.data) : r.data,
    ttl: r.ttl,
    priority: r.priority ?? null,
    weight: r.weight ?? null,
    port: r.port ?? null,
    service_type: r.service_type ?? null,
  };
}

const num = (v: string | number) => (v === "" || v === null ? null : Number(v));

/** Add or edit one record. The fields follow the type; each error shows under its field. */
export function RecordFormModal({ opened, onClose, target, zoneName, record, types = EDITABLE_TYPES }: Props) {
  const [touched, setTouched] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  // The form's errors hold the core's refusal only; any edit clears it, and the local checks are
  // shown beside it once a save was tried.
  const form = useForm<RecordInput>({
    mode: "controlled",
    initialValues: record ? fromRecord(record) : blank("A"),
    onValuesChange: () => {
      form.clearErrors();
      setFormError(null);
    },
  });
  const save = useSaveRecord(target);

  const startFromRecord = useEffectEvent(() => {
    form.setValues(record ? fromRecord(record) : blank("A"));
    form.clearErrors();
    setTouched(false);
    setFormError(null);
  });
  useEffect(() => {
    if (opened) startFromRecord();
  }, [opened, record]);

  const input = form.values;
  const local = useMemo(() => validateRecord(input, zoneName), [input, zoneName]);
  const errors: FieldErrors = touched ? { ...local, ...(form.errors as FieldErrors) } : (form.errors as FieldErrors);
  const show = fieldsOf(input.type);
  const type = input.type ?? "A";
  const field = <K extends keyof RecordInput>(name: K) => ({ ...form.getInputProps(name), error: errors[name] });
  const numberField = (name: "ttl" | "priority" | "weight" | "port") => ({
    ...field(name),
    value: input[name] ?? "",
    onChange: (v: string | number) => form.setFieldValue(name, num(v)),
  });

  const submit = async () => {
    setTouched(true);
    if (Object.keys(local).length > 0) return;
    try {
      await save.mutateAsync({ id: record?.id ?? null, record: input });
      onClose();
    } catch (e) {
      const failure = applyFieldErrors(form, e);
      if (!failure.placed) setFormError(failure.message);
    }
  };

  const defaultTtl = type === "FAILOVER" ? DEFAULT_FAILOVER_TTL : DEFAULT_TTL;
  return (
    <Modal opened={opened} onClose={onClose} title={record ? `Edit ${record.type} record` : "Add a record"} size="lg" data-testid="record-form">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Type"
              data={types}
              {...field("type")}
              value={type}
              allowDeselect={false}
              disabled={!!record}
              onChange={(v) => v && form.setValues({ ...blank(v as RecordType), host: input.host, ttl: input.ttl })}
              data-testid="record-type"
            />
            <TextInput
              label="Name"
              description={zoneName ? `relative to ${zoneName}; @ for the domain itself` : "relative to the domain; @ for the domain itself"}
              placeholder={type === "SRV" ? "_sip._tcp" : "www"}
              {...field("host")}
              data-testid="record-host"
            />
          </SimpleGrid>
          {type === "TXT" ? (
            <Textarea
              label={HINTS[type].data}
              placeholder={HINTS[type].placeholder}
              autosize
              minRows={2}
              {...field("data")}
              data-testid="record-data"
            />
          ) : (
            <TextInput
              label={HINTS[type].data}
              placeholder={HINTS[type].placeholder}
              {...field("data")}
              data-testid="record-data"
            />
          )}
          <SimpleGrid cols={4} spacing="sm">
            <NumberInput
              label="TTL (s)"
              placeholder={String(defaultTtl)}
              min={0}
              allowDecimal={false}
              {...numberField("ttl")}
              data-testid="record-ttl"
            />
            {show.priority && (
              <NumberInput
                label="Priority"
                min={0}
                allowDecimal={false}
                {...numberField("priority")}
                data-testid="record-priority"
              />
            )}
            {show.weight && (
              <NumberInput
                label="Weight"
                min={0}
                allowDecimal={false}
                {...numberField("weight")}
                data-testid="record-weight"
              />
            )}
            {show.port && (
              <NumberInput
                label="Port"
                min={0}
                allowDecimal={false}
                {...numberField("port")}
                data-testid="record-port"
              />
            )}
            {show.serviceType && (
              <TextInput
                label="Health check"
                placeholder="icmp.ping"
                {...field("service_type")}
                value={input.service_type ?? ""}
                onChange={(e) => form.setFieldValue("service_type", e.currentTarget.value || null)}
                data-testid="record-service-type"
              />
            )}
          </SimpleGrid>
          {type === "FAILOVER" && (
            <Text size="xs" c="dimmed">
              VPS.NET answers with the primary address while its health check passes, else with the backups.
            </Text>
          )}
          {formError && (
            <Alert color="red" variant="light" data-testid="record-form-error">
              {formError}
            </Alert>
          )}
          <FormActions onCancel={onClose} busy={save.isPending} submitTestId="record-submit">
            {record ? "Save" : "Add record"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
