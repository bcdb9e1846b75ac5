import { Stack, Switch, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent, useState } from "react";
import type { Server, ServerSettings } from "../../../api/bindings";
import { useFormSave } from "../../../lib/formErrors";
import { SaveOrUndo } from "../../../components/FormActions";
import { useServerSettings, useUpdateServerSettings } from "../../../api/settings";
import { LoadingOrError } from "../../../components/QueryState";

/** The provider replaces all three settings at once, so the form always sends all three. */
export function SettingsTab({ server, providerLabel }: { server: Server; providerLabel: string }) {
  const current = useServerSettings(server.account_id, server.id);
  const update = useUpdateServerSettings();
  const form = useForm<ServerSettings>({ mode: "controlled", initialValues: { name: "", hostname: "", backups_enabled: false } });
  const [loaded, setLoaded] = useState(false);
  const { formError, attempt, clearFormError } = useFormSave(form);

  // The saved settings replace the form's whenever they change (a save, a refetch).
  const load = useEffectEvent((saved: ServerSettings) => {
    form.setValues(saved);
    setLoaded(true);
  });
  useEffect(() => {
    if (current.data) load(current.data);
  }, [current.data]);

  if (current.isPending || !loaded) {
    return <LoadingOrError query={current} errorTestId="settings-error" />;
  }

  const v = form.values;
  const saved = current.data;
  const changed = !saved || v.name !== saved.name || v.hostname !== saved.hostname || v.backups_enabled !== saved.backups_enabled;
  const submit = form.onSubmit((settings) => attempt(() => update.mutateAsync({ accountId: server.account_id, serverId: server.id, settings })));
  const undo = () => {
    if (saved) form.setValues(saved);
    form.clearErrors();
    clearFormError();
  };

  return (
    <form onSubmit={submit} data-testid="settings-form">
      <Stack gap="sm" maw={460}>
        <Text size="sm" c="dimmed">
          {providerLabel} replaces the name, host name and backup setting together.
        </Text>
        <TextInput label="Name" withAsterisk {...form.getInputProps("name")} data-testid="settings-name" />
        <TextInput
          label="Host name"
          description="Fully qualified, e.g. web01.example.com"
          withAsterisk
          {...form.getInputProps("hostname")}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          data-testid="settings-hostname"
        />
        <Switch
          label="Automatic backups"
          {...form.getInputProps("backups_enabled", { type: "checkbox" })}
          data-testid="settings-backups"
        />
        <SaveOrUndo testId="settings" changed={changed} busy={update.isPending} onUndo={undo} error={formError}>
          Save settings
        </SaveOrUndo>
      </Stack>
    </form>
  );
}
