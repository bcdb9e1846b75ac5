import { Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconArrowsTransferUp } from "@tabler/icons-react";
import { useState } from "react";
import type { Server } from "../../../api/bindings";
import { useExtrasWrite } from "../../../api/writes";
import { commands } from "../../../api/bindings";
import { confirmDanger } from "../../../components/confirm";

/** Moves the server's managed-support service to another server (the provider refuses Windows targets; vpsdesk checks first). */
export function ManagedTransferPanel({ server, providerLabel }: { server: Server; providerLabel: string }) {
  const [to, setTo] = useState("");
  const [ip, setIp] = useState("");
  const transfer = useExtrasWrite(
    (v: { accountId: string; serverId: string; to: string; ip: string | null }) => commands.transferManagedService(v.accountId, v.serverId, v.to, v.ip, true),
    (v) => `Managed service moved to server ${v.to}`,
    "Could not move the managed service",
  );
  const name = server.name || server.id;
  return (
    <Stack gap="xs" data-testid="managed-transfer">
      <Title order={5}>Managed service</Title>
      <Text size="sm" c="dimmed">
        Move {providerLabel}'s Pro-Active Managed Service of {name} to another of your servers (not a Windows one).
      </Text>
      <Group gap="xs" align="flex-end">
        <TextInput label="To server (id)" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={150} data-testid="managed-transfer-to" />
        <TextInput label="Move address (id, optional)" value={ip} onChange={(e) => setIp(e.currentTarget.value)} w={200} data-testid="managed-transfer-ip" />
        <Button
          variant="default"
          leftSection={<IconArrowsTransferUp size={16} />}
          disabled={!to.trim()}
          loading={transfer.isPending}
          onClick={() =>
            confirmDanger(`Move the managed service of ${name}?`, `It leaves ${name} for server ${to.trim()}.`, "Move service", "managed-transfer-confirm", () =>
              transfer.mutate({ accountId: server.account_id, serverId: server.id, to: to.trim(), ip: ip.trim() || null }),
            )
          }
          data-testid="managed-transfer-submit"
        >
          Move…
        </Button>
      </Group>
    </Stack>
  );
}
