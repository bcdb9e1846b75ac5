import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { AccountView } from "../../api/bindings";

/** The accounts list failed to load: why, and a way to ask again. */
export function AccountsLoadError({ accounts }: { accounts: UseQueryResult<AccountView[]> }) {
  return (
    <Alert color="red" title="Could not load your accounts" icon={<IconAlertTriangle size={18} />}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{accounts.error?.message}</Text>
        <Button size="xs" variant="light" color="red" onClick={() => accounts.refetch()}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}
