import { ActionIcon, Indicator, Popover, Stack, Text, Tooltip } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useState } from "react";
import { useRecentNotices } from "../../api/notices";
import { formatTime } from "../../lib/refresh";

/** Header button listing the desktop notifications of this session, so what the desktop showed can be read again. */
export function NoticesButton() {
  const notices = useRecentNotices().data;
  const [opened, setOpened] = useState(false);
  const [seen, setSeen] = useState(0);
  const unseen = notices.length - seen;
  const toggle = () => {
    setOpened((o) => !o);
    setSeen(notices.length);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
        <Tooltip label="Desktop notifications">
          <Indicator label={unseen} size={16} disabled={unseen <= 0} data-testid="notices-unseen">
            <ActionIcon variant="default" size="lg" aria-label="Desktop notifications" onClick={toggle} data-testid="notices-button">
              <IconBell size={18} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="notices-list">
          {notices.length === 0 ? (
            <Text size="sm" c="dimmed">
              No desktop notifications yet. A job's end, a server changing state by itself and a balance under its warning
              level are told here and on the desktop (switches in the preferences).
            </Text>
          ) : (
            notices.map((n) => (
              <Stack key={n.at + n.title} gap={0} data-testid="notice-item">
                <Text size="sm" fw={600}>
                  {n.title}
                </Text>
                <Text size="xs">{n.body}</Text>
                <Text size="xs" c="dimmed">
                  {formatTime(n.at)}
                </Text>
              </Stack>
            ))
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
