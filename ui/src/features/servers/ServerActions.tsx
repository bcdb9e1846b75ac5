import { ActionIcon, Group, Menu, Text, Tooltip } from "@mantine/core";
import { modals } from "@mantine/modals";
import {
  IconDots,
  IconInfoCircle,
  IconPencil,
  IconPlayerPlay,
  IconPlayerStop,
  IconPower,
  IconRefresh,
  IconTrash,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { AccountView, PowerAction, Server } from "../../api/bindings";
import { useServerAction } from "../../api/queries";
import { actionAvailability, type Availability } from "../../lib/actions";

type Props = {
  server: Server;
  account: AccountView | undefined;
  providerLabel: string;
  onRename: (s: Server) => void;
  onDelete: (s: Server) => void;
  /** Omitted in the detail drawer (it is the details). */
  onDetails?: (s: Server) => void;
  /** "action" in table rows, "detail-action" in the drawer, so that test ids stay unique. */
  testIdPrefix?: string;
};

function ActionButton(props: {
  label: string;
  icon: ReactNode;
  availability: Availability;
  onClick: () => void;
  testId: string;
  color?: string;
  loading?: boolean;
}) {
  const { label, icon, availability, onClick, testId, color, loading } = props;
  const disabled = !availability.enabled;
  return (
    <Tooltip label={disabled && availability.reason ? `${label}: ${availability.reason}` : label} openDelay={250} withArrow>
      {/* aria-disabled instead of disabled: a disabled button gets no pointer events, so no tooltip. */}
      <ActionIcon
        variant="subtle"
        color={color ?? "gray"}
        size={24}
        className="row-action"
        aria-label={label}
        data-testid={testId}
        data-disabled={disabled || undefined}
        aria-disabled={disabled || undefined}
        loading={loading}
        onClick={(e) => {
          e.stopPropagation();
          if (!disabled) onClick();
        }}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}

export function ServerActions({ server, account, providerLabel, onRename, onDelete, onDetails, testIdPrefix = "action" }: Props) {
  const action = useServerAction();
  const suffix = `${server.account_id}-${server.id}`;
  const avail = (a: Parameters<typeof actionAvailability>[0]) => actionAvailability(a, server, account, providerLabel);
  const pendingAction = action.isPending ? action.variables?.action : undefined;

  const run = (a: PowerAction) => action.mutate({ server, action: a });
  const forceStop = () =>
    modals.openConfirmModal({
      title: `Force stop ${server.name}?`,
      children: (
        <Text size="sm">
          This cuts the power like pulling the plug. Data not yet written to disk on the server can be lost. Use
          Stop for a clean shutdown.
        </Text>
      ),
      labels: { confirm: "Force stop", cancel: "Cancel" },
      confirmProps: { color: "red", "data-testid": "force-stop-confirm" },
      onConfirm: () => run("force_stop"),
    });

  const force = avail("force_stop");
  const iconSize = 16;

  return (
    <Group gap={0} wrap="nowrap" justify="flex-end" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <ActionButton
        label="Start"
        icon={<IconPlayerPlay size={iconSize} />}
        color="green"
        availability={avail("start")}
        loading={pendingAction === "start"}
        onClick={() => run("start")}
        testId={`${testIdPrefix}-start-${suffix}`}
      />
      <ActionButton
        label="Stop"
        icon={<IconPlayerStop size={iconSize} />}
        color="orange"
        availability={avail("stop")}
        loading={pendingAction === "stop"}
        onClick={() => run("stop")}
        testId={`${testIdPrefix}-stop-${suffix}`}
      />
      <ActionButton
        label="Reboot"
        icon={<IconRefresh size={iconSize} />}
        color="blue"
        availability={avail("reboot")}
        loading={pendingAction === "reboot"}
        onClick={() => run("reboot")}
        testId={`${testIdPrefix}-reboot-${suffix}`}
      />
      <ActionButton
        label="Rename"
        icon={<IconPencil size={iconSize} />}
        availability={avail("rename")}
        onClick={() => onRename(server)}
        testId={`${testIdPrefix}-rename-${suffix}`}
      />
      <ActionButton
        label="Delete"
        icon={<IconTrash size={iconSize} />}
        color="red"
        availability={avail("delete")}
        onClick={() => onDelete(server)}
        testId={`${testIdPrefix}-delete-${suffix}`}
      />
      {(onDetails || force.visible) && (
        <Menu position="bottom-end" withinPortal shadow="md" width={220}>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size={24}
              aria-label="More actions"
              data-testid={`${testIdPrefix}-more-${suffix}`}
            >
              <IconDots size={iconSize} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {onDetails && (
              <Menu.Item leftSection={<IconInfoCircle size={14} />} onClick={() => onDetails(server)}>
                Show details
              </Menu.Item>
            )}
            {force.visible && (
              <Menu.Item
                color="red"
                leftSection={<IconPower size={14} />}
                disabled={!force.enabled}
                title={force.reason ?? undefined}
                data-testid={`${testIdPrefix}-force_stop-${suffix}`}
                onClick={forceStop}
              >
                Force stop
                {force.reason && (
                  <Text size="xs" c="dimmed">
                    {force.reason}
                  </Text>
                )}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
