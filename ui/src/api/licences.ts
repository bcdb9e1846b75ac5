/** A server's control-panel licences (VPS.NET's cPanel, ISPmanager and their add-ons): held and offered, bought or cancelled one at a time. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type ServerLicence, type ServerLicenceChange, type ServerLicences } from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { notifySuccess } from "../lib/notify";
import { keys } from "./keys";

export function useServerLicences(accountId: string, serverId: string) {
  return useCommandQuery(keys.extras.licences(accountId, serverId), () => commands.serverLicences(accountId, serverId));
}

/** The ids VPS.NET's own PHP client names; both are control panels. */
const KNOWN: Record<string, string> = { "1": "cPanel", "6": "ISPmanager" };

/** "cPanel (licence 1)", or "licence 7" for an id nobody named. */
export function describeLicence(id: string, name?: string | null): string {
  const shown = name ?? KNOWN[id];
  return shown && shown !== `licence ${id}` ? `${shown} (licence ${id})` : `licence ${id}`;
}

/** What a typed or picked id is, from the list or the known ids. */
export function licenceOf(state: ServerLicences, id: string): ServerLicence {
  return (
    state.licences.find((l) => l.id === id) ?? { id, name: KNOWN[id] ?? `licence ${id}`, kind: KNOWN[id] ? "control_panel" : "other", held: false }
  );
}

/** Why the purchase may not be made (the doc's rules), or null. The backend checks the same before sending. */
export function purchaseBlocked(state: ServerLicences, id: string): string | null {
  const wanted = licenceOf(state, id);
  const panel = state.licences.find((l) => l.held && l.kind === "control_panel");
  if (wanted.held) return `The server already has ${describeLicence(id, wanted.name)}.`;
  if (wanted.kind === "control_panel" && panel)
    return `The server already has the ${panel.name} control panel, and VPS.NET allows one at a time: cancel ${describeLicence(panel.id, panel.name)} first.`;
  if (wanted.kind === "add_on" && !panel) return `${describeLicence(id, wanted.name)} is a control-panel add-on: buy the control panel first.`;
  return null;
}

/** Errors stay with the section (field messages), so no toast on failure. */
export function useChangeServerLicence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; serverId: string; change: ServerLicenceChange; name: string }) =>
      call(commands.changeServerLicence(v.accountId, v.serverId, v.change)),
    onSuccess: (after, v) => {
      qc.setQueryData(keys.extras.licences(v.accountId, v.serverId), after);
      notifySuccess(v.change.buy ? "Licence bought" : "Licence cancelled", v.name);
    },
  });
}
