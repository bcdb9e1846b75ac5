import { Loader, Menu, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconInfoCircle, IconPower } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import type { AccountView, PowerAction, Server } from "../../api/bindings";
import { usePendingServerAction, useServerAction } from "../../api/queries";
import { actionAvailability, type Availability } from "../../lib/actions";
import { AccountInvoicesMenuItem } from "../billing/AccountInvoicesMenuItem";
import { OpenTicketMenuItem } from "../tickets/OpenTicketMenuItem";
import { OpenSshMenuItem } from "./OpenSshMenuItem";

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

/** Mantine's own focus ring and press effect, on a plain button. */
const BUTTON_CLASS = "row-action mantine-focus-auto mantine-active";

/** Tabler's outline icons of the row actions, drawn by `.row-icon` (styles.css). */
type RowIcon = "play" | "stop" | "refresh" | "pencil" | "trash" | "dots";

/**
 * An icon as one element: a mask of Tabler's own SVG in the button's color, where the icon
 * component made an `<svg>` with two or three paths. In WebKit, a search over 10,038 servers took
 * 69 ms with the SVGs and 52 ms with no icons at all; with the masks a sort took 36 ms against 44
 * (stop 30, docs/bench.md).
 */
function Icon({ name }: { name: RowIcon }) {
  return <span className="row-icon" data-icon={name} aria-hidden />;
}

/**
 * A row's icon buttons are plain buttons styled by `.row-action` (styles.css) in Mantine's subtle
 * ActionIcon look: a screenful of rows mounts at once after every search, sort or scroll, and
 * without six ActionIcons a row that takes about 30 % less (docs/bench.md, stop 25). Tooltips
 * come from the surrounding useDelegatedTooltip() region (data-tip), not from one Tooltip per button.
 */
function ActionButton(props: {
  label: string;
  icon: RowIcon;
  availability: Availability;
  onClick: () => void;
  testId: string;
  color?: string;
  loading?: boolean;
}) {
  const { label, icon, availability, onClick, testId, color = "gray", loading } = props;
  const disabled = !availability.enabled;
  return (
    // aria-disabled rather than disabled: it stays focusable and hoverable, so the reason can be shown.
    <button
      type="button"
      className={BUTTON_CLASS}
      data-color={color}
      aria-label={label}
      aria-description={disabled && availability.reason ? availability.reason : undefined}
      data-tip={disabled && availability.reason ? `${label}: ${availability.reason}` : label}
      data-testid={testId}
      data-disabled={disabled || undefined}
      aria-disabled={disabled || loading || undefined}
      data-loading={loading || undefined}
      aria-busy={loading || undefined}
      onClick={(e) => {
        e.stopPropagation();
        if (!disabled && !loading) onClick();
      }}
    >
      {loading ? <Loader size={14} color={color} aria-hidden /> : <Icon name={icon} />}
    </button>
  );
}

/** The per-row Menu is only built once it is first opened (a closed Menu still costs a floating context). */
function MoreMenu({ testId, children }: { testId: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const [mounted, setMounted] = useState(false);
  const trigger = (
    <button
      type="button"
      className={BUTTON_CLASS}
      data-color="gray"
      aria-label="More actions"
      aria-haspopup="menu"
      data-tip="More actions"
      data-testid={testId}
      onClick={(e) => {
        e.stopPropagation();
        setMounted(true);
        setOpened((o) => !o);
      }}
    >
      <Icon name="dots" />
    </button>
  );
  if (!mounted) return trigger;
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" withinPortal shadow="md" width={240}>
      <Menu.Target>{trigger}</Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>{children}</Menu.Dropdown>
    </Menu>
  );
}

export function ServerActions({ server, account, providerLabel, onRename, onDelete, onDetails, testIdPrefix = "action" }: Props) {
  const action = useServerAction();
  const pendingAction = usePendingServerAction(server);
  const suffix = `${server.account_id}-${server.id}`;
  const avail = (a: Parameters<typeof actionAvailability>[0]) => actionAvailability(a, server, account, providerLabel);

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

  return (
    <div className="row-actions" onClick={(e) => e.stopPropagation()}>
      <ActionButton
        label="Start"
        icon="play"
        color="green"
        availability={avail("start")}
        loading={pendingAction === "start"}
        onClick={() => run("start")}
        testId={`${testIdPrefix}-start-${suffix}`}
      />
      <ActionButton
        label="Stop"
        icon="stop"
        color="orange"
        availability={avail("stop")}
        loading={pendingAction === "stop"}
        onClick={() => run("stop")}
        testId={`${testIdPrefix}-stop-${suffix}`}
      />
      <ActionButton
        label="Reboot"
        icon="refresh"
        color="blue"
        availability={avail("reboot")}
        loading={pendingAction === "reboot"}
        onClick={() => run("reboot")}
        testId={`${testIdPrefix}-reboot-${suffix}`}
      />
      <ActionButton
        label="Rename"
        icon="pencil"
        availability={avail("rename")}
        onClick={() => onRename(server)}
        testId={`${testIdPrefix}-rename-${suffix}`}
      />
      <ActionButton
        label="Delete"
        icon="trash"
        color="red"
        availability={avail("delete")}
        onClick={() => onDelete(server)}
        testId={`${testIdPrefix}-delete-${suffix}`}
      />
      <MoreMenu testId={`${testIdPrefix}-more-${suffix}`}>
        {onDetails && (
          <Menu.Item leftSection={<IconInfoCircle size={14} />} onClick={() => onDetails(server)}>
            Show details
          </Menu.Item>
        )}
        <OpenSshMenuItem server={server} testId={`${testIdPrefix}-ssh-${suffix}`} />
        <OpenTicketMenuItem server={server} testId={`${testIdPrefix}-ticket-${suffix}`} />
        <AccountInvoicesMenuItem account={account} testId={`${testIdPrefix}-invoices-${suffix}`} />
        {force.visible && (
          <Menu.Item
            // Mantine colors a menu item with shade 6 (red-6 on white is 3.3:1); the theme keeps
            // red's text variable at AA in both schemes.
            color="var(--mantine-color-red-text)"
            leftSection={<IconPower size={14} />}
            disabled={!force.enabled}
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
      </MoreMenu>
    </div>
  );
}
