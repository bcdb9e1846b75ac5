import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent } from "react";
import type { AccountView, ServerResources, Server } from "../../../api/bindings";
import { hasCapability } from "../../../lib/capabilities";
import { useFormSave } from "../../../lib/formErrors";
import { SaveOrUndo } from "../../../components/FormActions";
import { grows, growsStorage, useServerResources, useUpdateServerResources, useUpgradeStorage } from "../../../api/serverResources";
import { confirmDanger } from "../../../components/confirm";
import { LicencesSection } from "./LicencesSection";
import { LoadingOrError } from "../../../components/QueryState";
import { Time } from "../../../components/Time";

const COUNTS: { key: "nodes" | "daily_nodes" | "storage_nodes" | "ram_nodes" | "bandwidth_nodes"; label: string; min: number }[] = [
  { key: "nodes", label: "Regular nodes", min: 1 },
  { key: "daily_nodes", label: "Daily nodes", min: 0 },
  { key: "storage_nodes", label: "Storage nodes", min: 0 },
  { key: "ram_nodes", label: "RAM nodes", min: 0 },
  { key: "bandwidth_nodes", label: "Bandwidth nodes", min: 0 },
];

type ResourcesValues = ServerResources & { delay_storage_until: string };

/** Nodes, backup options, consumer and label, read from the provider and changed together; the server's control-panel licences below. */
export function ResourcesTab({ server, account, providerLabel }: { server: Server; account: AccountView | undefined; providerLabel: string }) {
  const current = useServerResources(server.account_id, server.id);
  const upgrade = useUpgradeStorage();

  if (!current.data) {
    return <LoadingOrError query={current} errorTestId="resources-error" />;
  }

  const now = current.data;
  return (
    <Stack gap="md" maw={620}>
      <ResourcesForm server={server} now={now} providerLabel={providerLabel} />
      {hasCapability(account, "server.upgrade_storage") && (
        <Stack gap={4}>
          {now.delayed_storage_until && (
            <Text size="sm" data-testid="resources-delayed">
              A disk resize is put off until <Time value={now.delayed_storage_until} />.
            </Text>
          )}
          <Group>
            <Button
              variant="light"
              color="orange"
              loading={upgrade.isPending}
              onClick={() =>
                confirmDanger("Upgrade the storage now?", `Server ${server.name} stops while its disk grows to what its nodes give.`, "Upgrade storage", "resources-upgrade-confirm", () =>
                  upgrade.mutate({ accountId: server.account_id, serverId: server.id }),
                )
              }
              data-testid="resources-upgrade"
            >
              Upgrade storage now…
            </Button>
          </Group>
        </Stack>
      )}
      {hasCapability(account, "server.licences") && <LicencesSection server={server} providerLabel={providerLabel} />}
    </Stack>
  );
}

function ResourcesForm({ server, now, providerLabel }: { server: Server; now: ServerResources; providerLabel: string }) {
  const update = useUpdateServerResources();
  const form = useForm<ResourcesValues>({ mode: "controlled", initialValues: { ...now, delay_storage_until: "" } });
  const { formError, attempt, clearFormError } = useFormSave(form);

  // What the provider reports after a save (or a refresh) is what the form starts from again.
  const startFromProvider = useEffectEvent(() => form.setValues({ ...now }));
  useEffect(() => {
    startFromProvider();
  }, [now]);

  const { delay_storage_until: delay, ...resources } = form.values;
  const changed = JSON.stringify(resources) !== JSON.stringify(now) || delay.trim() !== "";
  const moreDisk = growsStorage(now, resources);
  const send = (confirm: boolean) =>
    attempt(async () => {
      const { delay_storage_until, ...values } = form.getValues();
      const change = { resources: values, delay_storage_until: delay_storage_until.trim() || null, confirm };
      await update.mutateAsync({ accountId: server.account_id, serverId: server.id, change });
      form.setFieldValue("delay_storage_until", "");
    });
  const submit = form.onSubmit(() => {
    if (!grows(now, resources)) return void send(false);
    const downtime = moreDisk && !delay.trim() ? " The storage upgrade stops the server for a while." : "";
    confirmDanger("Add nodes?", `The added nodes are billed from now on.${downtime}`, "Save resources", "resources-confirm", () => void send(true));
  });
  const undo = () => {
    form.setValues({ ...now, delay_storage_until: "" });
    form.clearErrors();
    clearFormError();
  };

  return (
    <form onSubmit={submit} data-testid="resources-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {providerLabel} sizes a server in nodes. Adding nodes is billed; more regular or storage nodes grow the disk, which stops the server while it runs
          unless you put it off.
        </Text>
        <TextInput label="Label" withAsterisk {...form.getInputProps("name")} data-testid="resources-name" />
        <SimpleGrid cols={3} spacing="xs">
          {COUNTS.map((c) => (
            <NumberInput
              key={c.key}
              label={c.label}
              min={c.min}
              max={16}
              allowDecimal={false}
              {...form.getInputProps(c.key)}
              onChange={(v) => form.setFieldValue(c.key, Math.max(c.min, Number(v) || 0))}
              data-testid={`resources-${c.key}`}
            />
          ))}
          <TextInput
            label="Consumer id"
            description="Empty for none"
            {...form.getInputProps("consumer_id")}
            value={form.values.consumer_id ?? ""}
            onChange={(e) => form.setFieldValue("consumer_id", e.currentTarget.value.trim() || null)}
            data-testid="resources-consumer"
          />
        </SimpleGrid>
        <Group gap="lg">
          <Switch label="Backups" {...form.getInputProps("backups", { type: "checkbox" })} data-testid="resources-backups" />
          <Switch label="Rsync backups" {...form.getInputProps("rsync_backups", { type: "checkbox" })} data-testid="resources-rsync" />
          <Switch label="R1Soft backups" {...form.getInputProps("r1soft_backups", { type: "checkbox" })} data-testid="resources-r1soft" />
        </Group>
        {moreDisk && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="resources-downtime">
            <Stack gap={6}>
              <Text size="sm">Upgrading the storage causes downtime. Put the disk resize off to a quieter time if you like:</Text>
              <TextInput
                label="Resize the disk at (US Eastern time)"
                placeholder="2026-04-24 14:00"
                {...form.getInputProps("delay_storage_until")}
                data-testid="resources-delay"
              />
            </Stack>
          </Alert>
        )}
        <SaveOrUndo testId="resources" changed={changed} busy={update.isPending} onUndo={undo} error={formError}>
          Save resources
        </SaveOrUndo>
      </Stack>
    </form>
  );
}
