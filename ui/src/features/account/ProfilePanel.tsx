import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent, useState } from "react";
import { useProfile, useSetProfile } from "../../api/profile";
import { applyFieldErrors } from "../../lib/formErrors";
import { LoadingOrError } from "../../components/QueryState";

/** The account holder's profile at the provider; fields the API cannot change are read-only. */
export function ProfilePanel({ accountId }: { accountId: string }) {
  const profile = useProfile(accountId);
  const save = useSetProfile();
  // Keyed by the provider's field keys, so its field errors land under their fields.
  const form = useForm<Record<string, string>>({ mode: "controlled", initialValues: {} });
  const [formError, setFormError] = useState<string | null>(null);

  const startFromProvider = useEffectEvent((data: { key: string; value: string }[]) =>
    form.setValues(Object.fromEntries(data.map((f) => [f.key, f.value]))),
  );
  useEffect(() => {
    if (profile.data) startFromProvider(profile.data);
  }, [profile.data]);

  if (profile.isPending || profile.isError) return <LoadingOrError query={profile} errorTestId="profile-error" />;

  const values = form.values;
  const changed = profile.data.filter((f) => f.editable && values[f.key] !== f.value);
  const submit = form.onSubmit(async () => {
    setFormError(null);
    try {
      await save.mutateAsync({ accountId, changes: changed.map((f) => ({ key: f.key, value: values[f.key] ?? "" })) });
    } catch (err) {
      const failure = applyFieldErrors(form, err);
      if (!failure.placed) setFormError(failure.message);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="profile-form">
      <Stack gap="sm" maw={720}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {profile.data.map((f) => (
            <TextInput
              key={f.key}
              label={f.label}
              withAsterisk={f.required}
              readOnly={!f.editable}
              description={f.editable ? undefined : "Cannot be changed here"}
              {...form.getInputProps(f.key)}
              value={values[f.key] ?? ""}
              data-testid={`profile-${f.key}`}
            />
          ))}
        </SimpleGrid>
        {formError && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm" style={{ whiteSpace: "pre-line" }}>
              {formError}
            </Text>
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            The provider's API key is never shown or stored by vpsdesk.
          </Text>
          <Button type="submit" disabled={changed.length === 0} loading={save.isPending} data-testid="profile-save">
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
