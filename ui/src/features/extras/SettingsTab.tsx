import { Alert, Button, Group, Loader, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { Server, ServerSettings } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { useServerSettings, useUpdateServerSettings } from "../../api/settings";

/** The provider replaces all three settings at once, so the form always sends all three. */
export function SettingsTab({ server, providerLabel }: { server: Server; providerLabel: string }) {
  const current = useServerSettings(server.account_id, server.id);
  const update = useUpdateServerSettings();
  const [form, setForm] = useState<ServerSettings | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (current.data) setForm(current.data);
  }, [current.data]);

  if (current.isPending || !form) {
    return current.isError ? (
      <Alert color="red" variant="light" data-testid="settings-error">
        {current.error.message}
      </Alert>
    ) : (
      <Loader size="sm" />
    );
  }

  const changed = JSON.stringify(form) !== JSON.stringify(current.data);
  const fieldError = (f: string) => error?.fields.find((x) => x.field === f)?.message;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await update.mutateAsync({ accountId: server.account_id, serverId: server.id, settings: form });
    } catch (err) {
      setError(err as AppError);
    }
  };

  return (
    <form onSubmit={submit} data-testid="settings-form">
      <Stack gap="sm" maw={460}>
        <Text size="sm" c="dimmed">
          {providerLabel} replaces the name, host name and backup setting together.
        </Text>
        <TextInput label="Name" withAsterisk value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fieldError("name")} data-testid="settings-name" />
        <TextInput
          label="Host name"
          description="Fully qualified, e.g. web01.example.com"
          withAsterisk
          value={form.hostname}
          onChange={(e) => setForm({ ...form, hostname: e.currentTarget.value })}
          error={fieldError("hostname")}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          data-testid="settings-hostname"
        />
        <Switch
          label="Automatic backups"
          checked={form.backups_enabled}
          onChange={(e) => setForm({ ...form, backups_enabled: e.currentTarget.checked })}
          data-testid="settings-backups"
        />
        {error && error.fields.length === 0 && (
          <Alert color="red" variant="light" data-testid="settings-save-error">
            {error.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" disabled={!changed} loading={update.isPending} data-testid="settings-save">
            Save settings
          </Button>
          <Button variant="subtle" disabled={!changed || update.isPending} onClick={() => (setForm(current.data ?? null), setError(null))} data-testid="settings-reset">
            Undo changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
