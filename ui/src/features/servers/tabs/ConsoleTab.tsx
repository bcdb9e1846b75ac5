import { Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import type { Server } from "../../../api/bindings";
import { useConsole } from "../../../api/console";
import { LoadingOrError } from "../../../components/QueryState";

/** The app has no browser opener (see architecture.md): the link is copied and opened by hand. */
export function ConsoleTab({ server }: { server: Server }) {
  const console = useConsole(server.account_id, server.id);
  if (console.isPending || console.isError) return <LoadingOrError query={console} errorTestId="console-error" />;
  const c = console.data;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {c.kind}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput readOnly value={c.url} label="Console link" style={{ flex: 1 }} ff="monospace" data-testid="console-url" />
        <CopyButton value={c.url}>
          {({ copied, copy }) => (
            <Button variant="default" leftSection={<IconCopy size={16} />} onClick={copy} data-testid="console-copy">
              {copied ? "Copied" : "Copy"}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {c.note}
        {c.url.startsWith("http") && " Paste it into your browser."}
      </Text>
    </Stack>
  );
}
