import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import type { AppError } from "../../api/errors";
import { useProfile, useSetProfile } from "../../api/resources";

/** The account holder's profile at the provider; fields the API cannot change are read-only. */
export function ProfilePanel({ accountId }: { accountId: string }) {
  const profile = useProfile(accountId);
  const save = useSetProfile();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (profile.data) setValues(Object.fromEntries(profile.data.map((f) => [f.key, f.value])));
  }, [profile.data]);

  if (profile.isPending) return <Loader size="sm" />;
  if (profile.isError)
    return (
      <Alert color="red" variant="light" data-testid="profile-error">
        {profile.error.message}
      </Alert>
    );

  const changed = profile.data.filter((f) => f.editable && values[f.key] !== f.value);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await save.mutateAsync({ accountId, changes: changed.map((f) => ({ key: f.key, value: values[f.key] ?? "" })) });
    } catch (err) {
      setError(err as AppError);
    }
  };

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
              value={values[f.key] ?? ""}
              onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
              error={error?.fields.find((x) => x.field === f.key)?.message}
              data-testid={`profile-${f.key}`}
            />
          ))}
        </SimpleGrid>
        {error && error.fields.length === 0 && (
          <Alert color="red" variant="light" p="xs">
            {error.message}
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
