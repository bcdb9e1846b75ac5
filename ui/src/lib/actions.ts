import type { AccountView, PowerAction, Server, Status } from "../api/bindings";
import { forServer, hasCapability } from "./capabilities";
import { ACTION_CAPABILITY, CAPABILITY_PHRASE, type ServerOperation } from "./labels";

export type RowAction = PowerAction | "rename" | "delete";

export type Availability = {
  /** false: the control is not shown at all (force stop on providers without it). */
  visible: boolean;
  enabled: boolean;
  /** Why it is disabled; shown as the tooltip. */
  reason: string | null;
};

const ACTION_CAP: Record<RowAction, ServerOperation> = {
  ...ACTION_CAPABILITY,
  rename: "servers.rename",
  delete: "servers.delete",
};

/** Statuses from which each power action makes sense ("unknown" allows everything). */
const ALLOWED_FROM: Record<PowerAction, Status[]> = {
  start: ["stopped", "unknown"],
  stop: ["running", "starting", "unknown"],
  force_stop: ["running", "starting", "stopping", "unknown"],
  reboot: ["running", "unknown"],
};

function statusReason(action: PowerAction, status: Status): string {
  if (status === "suspended") return "The provider has suspended this server";
  if (status === "pending") return "The server is still being set up";
  switch (action) {
    case "start":
      return status === "running" ? "Already running" : `The server is ${status}`;
    case "stop":
    case "force_stop":
      return status === "stopped" ? "Already stopped" : `The server is ${status}`;
    case "reboot":
      return status === "stopped" ? "The server is stopped: start it instead" : `The server is ${status}`;
  }
}

export function actionAvailability(
  action: RowAction,
  server: Server,
  account: AccountView | undefined,
  providerLabel: string,
): Availability {
  if (!account) {
    return { visible: action !== "force_stop", enabled: false, reason: "Account details are not loaded yet" };
  }
  const cap = ACTION_CAP[action];
  if (!hasCapability(account, cap)) {
    return {
      visible: action !== "force_stop",
      enabled: false,
      reason: `${providerLabel} does not support ${CAPABILITY_PHRASE[cap]}`,
    };
  }
  const own = forServer(account, server);
  if (!hasCapability(own, cap)) {
    return {
      visible: action !== "force_stop",
      enabled: false,
      reason: `${providerLabel} does not support ${CAPABILITY_PHRASE[cap]} of this kind`,
    };
  }
  if (action === "rename") return { visible: true, enabled: true, reason: null };
  if (action === "delete") {
    const running = server.status === "running" || server.status === "starting" || server.status === "stopping";
    // Without delete_running the delete dialog offers "Stop and delete", when vpsdesk can stop it.
    const canStop = hasCapability(own, "servers.force_stop") || hasCapability(own, "servers.stop");
    if (running && !hasCapability(own, "servers.delete_running") && !canStop) {
      return {
        visible: true,
        enabled: false,
        reason: `Stop the server first: ${providerLabel} cannot delete a server that is ${server.status}`,
      };
    }
    return { visible: true, enabled: true, reason: null };
  }
  if (!ALLOWED_FROM[action].includes(server.status)) {
    return { visible: true, enabled: false, reason: statusReason(action, server.status) };
  }
  return { visible: true, enabled: true, reason: null };
}
