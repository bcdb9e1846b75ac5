import { Alert, Button, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import type { Capability, ServerResources, Server } from "../../../api/bindings";
import type { AppError } from "../../../api/errors";
import { grows, growsStorage, useServerResources, useUpdateServerResources, useUpgradeStorage } from "../../../api/serverPlan";
import { confirmDanger } from "../../../components/confirm";
import { LicencesSection } from "./LicencesSection";

const COUNTS: { key: "nodes" | "daily_nodes" | "storage_nodes" | "ram_nodes" | "bandwidth_nodes"; label: string; min: number }[] = [
  { key: "nodes", label: "Regular nodes", min: 1 },
  { key: "daily_nodes", label: "Daily nodes", min: 0 },
  { key: "storage_nodes", label: "Storage nodes", min: 0 },
  { key: "ram_nodes", label: "RAM nodes", min: 0 },
  { key: "bandwidth_nodes", label: "Bandwidth nodes", min: 0 },
];

/** Nodes, backup options, consumer and label, read from the provider and changed together; the server's control-panel licences below. */
export function ResourcesTab({ server, extras, providerLabel }: { server: Server; extras: Capability[]; providerLabel: string }) {
  const current = useServerResources(server.account_id, server.id);
  const update = useUpdateServerResources();
  const upgrade = useUpgradeStorage();
  const [form, setForm] = useState<ServerResources | null>(null);
  const [delay, setDelay] = useState("");
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (current.data) setForm(current.data);
  }, [current.data]);

  if (!current.data || !form) {
    return current.isError ? (
      <Alert color="red" variant="light" data-testid="resources-error">
        {current.error.message}
      </Alert>
    ) : (
      <Loader size="sm" />
    );
  }

  const now = current.data;
  const changed = JSON.stringify(form) !== JSON.stringify(now) || delay.trim() !== "";
  const moreDisk = growsStorage(now, form);
  const fieldError = (f: string) => error?.fields.find((x) => x.field === f)?.message;
  const send = async (confirm: boolean) => {
    setError(null);
    try {
      const change = { resources: form, delay_storage_until: delay.trim() || null, confirm };
      await update.mutateAsync({ accountId: server.account_id, serverId: server.id, change });
      setDelay("");
    } catch (err) {
      setError(err as AppError);
    }
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!grows(now, form)) return void send(false);
    const downtime = moreDisk && !delay.trim() ? " The storage upgrade stops the server for a while." : "";
    confirmDanger("Add nodes?", `The added nodes are billed from now on.${downtime}`, "Save resources", "resources-confirm", () => void send(true));
  };

  return (
    <Stack gap="md" maw={620}>
      <form onSubmit={submit} data-testid="resources-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {providerLabel} sizes a server in nodes. Adding nodes is billed; more regular or storage nodes grow the disk, which stops the server while it runs
            unless you put it off.
          </Text>
          <TextInput label="Label" withAsterisk value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldError("name")} data-testid="resources-name" />
          <SimpleGrid cols={3} spacing="xs">
            {COUNTS.map((c) => (
              <NumberInput
                key={c.key}
                label={c.label}
                min={c.min}
                max={16}
                allowDecimal={false}
                value={form[c.key]}
                onChange={(v) => setForm({ ...form, [c.key]: Math.max(c.min, Number(v) || 0) })}
                error={fieldError(c.key)}
                data-testid={`resources-${c.key}`}
              />
            ))}
            <TextInput
              label="Consumer id"
              description="Empty for none"
              value={form.consumer_id ?? ""}
              onChange={(e) => setForm({ ...form, consumer_id: e.currentTarget.value.trim() || null })}
              error={fieldError("consumer_id")}
              data-testid="resources-consumer"
            />
          </SimpleGrid>
          <Group gap="lg">
            <Switch label="Backups" checked={form.backups} onChange={(e) => setForm({ ...form, backups: e.currentTarget.checked })} data-testid="resources-backups" />
            <Switch label="Rsync backups" checked={form.rsync_backups} onChange={(e) => setForm({ ...form, rsync_backups: e.currentTarget.checked })} data-testid="resources-rsync" />
            <Switch label="R1Soft backups" checked={form.r1soft_backups} onChange={(e) => setForm({ ...form, r1soft_backups: e.currentTarget.checked })} data-testid="resources-r1soft" />
          </Group>
          {moreDisk && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="resources-downtime">
              <Stack gap={6}>
                <Text size="sm">Upgrading the storage causes downtime. Put the disk resize off to a quieter time if you like:</Text>
                <TextInput
                  label="Resize the disk at (US Eastern time)"
                  placeholder="2026-04-24 14:00"
                  value={delay}
                  onChange={(e) => setDelay(e.currentTarget.value)}
                  error={fieldError("delay_storage_until")}
                  data-testid="resources-delay"
                />
              </Stack>
            </Alert>
          )}
          {error && !["name", "consumer_id", "delay_storage_until", ...COUNTS.map((c) => c.key)].some((f) => fieldError(f)) && (
            <Alert color="red" variant="light" data-testid="resources-save-error">
              {error.message}
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" disabled={!changed} loading={update.isPending} data-testid="resources-save">
              Save resources
            </Button>
            <Button variant="subtle" disabled={!changed || update.isPending} onClick={() => (setForm(now), setDelay(""), setError(null))} data-testid="resources-reset">
              Undo changes
            </Button>
          </Group>
        </Stack>
      </form>
      {extras.includes("server.upgrade_storage") && (
        <Stack gap={4}>
          {now.delayed_storage_until && (
            <Text size="sm" data-testid="resources-delayed">
              A disk resize is put off until {now.delayed_storage_until}.
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
      {extras.includes("server.licences") && <LicencesSection server={server} providerLabel={providerLabel} />}
    </Stack>
  );
}
