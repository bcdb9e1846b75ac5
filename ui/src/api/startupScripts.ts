/** The account's startup scripts: list (also for the create form), add, edit, delete. */
import { commands, type NewScript, type ScriptUpdate } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { keys } from "./keys";
import { useExtrasFormWrite, useExtrasWrite } from "./writes";

export function useScripts(accountId: string | null, enabled = true) {
  return useCommandQuery(keys.extras.scripts(accountId ?? ""), () => commands.listScripts(accountId!), { enabled: enabled && !!accountId });
}

export function useCreateScript() {
  return useExtrasFormWrite(
    (v: { accountId: string; script: NewScript }) => commands.createScript(v.accountId, v.script),
    (v) => `Startup script ${v.script.name} added`,
  );
}

export function useUpdateScript() {
  return useExtrasFormWrite(
    (v: { accountId: string; scriptId: string; update: ScriptUpdate }) => commands.updateScript(v.accountId, v.scriptId, v.update),
    () => "Startup script updated",
  );
}

export function useDeleteScript() {
  return useExtrasWrite(
    (v: { accountId: string; scriptId: string; name: string }) => commands.deleteScript(v.accountId, v.scriptId),
    (v) => `Startup script ${v.name} deleted`,
    "Could not delete the startup script",
  );
}
