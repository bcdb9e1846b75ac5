import { Menu, Text } from "@mantine/core";
import { IconTerminal2 } from "@tabler/icons-react";
import type { Server } from "../../api/bindings";
import { sshUnavailable, useOpenSsh } from "../../api/ssh";

/** "Open SSH" in a server's More menu; disabled, with the reason, when the server has no address. */
export function OpenSshMenuItem({ server, testId }: { server: Server; testId: string }) {
  const open = useOpenSsh();
  const reason = sshUnavailable(server);
  return (
    <Menu.Item leftSection={<IconTerminal2 size={14} />} disabled={!!reason} onClick={() => open.mutate({ server })} data-testid={testId}>
      Open SSH
      {reason && (
        <Text size="xs" c="dimmed">
          {reason}
        </Text>
      )}
    </Menu.Item>
  );
}
