import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconPlayerPlay, IconPlus, IconServer2 } from "@tabler/icons-react";
import { useStartDemo } from "../api/queries";

/** First start: no account yet. */
export function Welcome({ onAddAccount, onDemoStarted }: { onAddAccount: () => void; onDemoStarted?: () => void }) {
  const demo = useStartDemo();
  return (
    <Stack align="center" justify="center" mih="70vh" data-testid="welcome">
      <Paper withBorder radius="md" p="xl" maw={560}>
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={40} radius="md" variant="light">
              <IconServer2 size={24} />
            </ThemeIcon>
            <Title order={2}>Welcome to vpsdesk</Title>
          </Group>
          <Text size="sm">
            vpsdesk shows every server of every VPS account you have — Vultr, VPS.NET, VPS247, CloudSigma and
            VPS.org — in one table, with live status and one-click start, stop, reboot, create and delete.
          </Text>
          <List size="sm" spacing={4} c="dimmed">
            <List.Item>API keys and passwords are kept in your system keychain, never in a file.</List.Item>
            <List.Item>The demo uses simulated providers: nothing is created or billed anywhere.</List.Item>
          </List>
          <Group gap="sm">
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              loading={demo.isPending}
              onClick={() => demo.mutate(undefined, { onSuccess: () => onDemoStarted?.() })}
              data-testid="try-demo"
            >
              Try the demo
            </Button>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={onAddAccount} data-testid="welcome-add-account">
              Add an account
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
