import { Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useEffectEvent } from "react";
import { useProfile, useSetProfile } from "../../api/profile";
import { useFormSave } from "../../lib/formErrors";
import { FormError } from "../../components/FormActions";
import { LoadingOrError } from "../../components/QueryState";

/** The account holder's profile at the provider; fields the API cannot change are read-only. */
export function ProfilePanel({ accountId }: { accountId: string }) {
  const profile = useProfile(accountId);
  const save = useSetProfile();
  // Keyed by the provider's field keys, so its field errors land under their fields.
  const form = useForm<Record<string, string>>({ mode: "controlled", initialValues: {} });
  const { formError, attempt } = useFormSave(form);

  const startFromProvider = useEffectEvent((data: { key: string; value: string }[]) =>
    form.setValues(Object.fromEntries(data.map((f) => [f.key, f.value]))),
  );
  useEffect(() => {
    if (profile.data) startFromProvider(profile.data);
  }, [profile.data]);

  if (profile.isPending || profile.isError) return <LoadingOrError query={profile} errorTestId="profile-error" />;

  const values = form.values;
  const changed = profile.data.filter((f) => f.editable && values[f.key] !== f.value);
  const submit = form.onSubmit(() =>
    attempt(() => save.mutateAsync({ accountId, changes: changed.map((f) => ({ key: f.key, value: values[f.key] ?? "" })) })),
  );

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
        <FormError message={formError} testId="profile-save-error" />
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
