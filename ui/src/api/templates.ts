/** System templates of an account: custom ones, the offered ones with prices, chargeable ones (licences). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type LicenseKind, type TemplateEdit } from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { useExtrasWrite } from "./writes";
import { notifySuccess } from "../lib/notify";
import { keys } from "./keys";

export function useCustomTemplates(accountId: string) {
  return useCommandQuery(keys.extras.templates.custom(accountId), () => commands.customTemplates(accountId));
}

export function useOfferedTemplates(accountId: string) {
  return useCommandQuery(keys.extras.templates.offered(accountId), () => commands.offeredTemplates(accountId), { staleTime: 10 * 60_000 });
}

export function useTemplateInfo(accountId: string, placement: { regionId: string; templateId: string } | null) {
  return useCommandQuery(keys.extras.templates.info(accountId, placement?.regionId ?? "", placement?.templateId ?? ""), () => commands.templateInfo(accountId, placement!.regionId, placement!.templateId), { enabled: !!placement, staleTime: 10 * 60_000 });
}

export function useLicensedTemplates(accountId: string) {
  return useCommandQuery(keys.extras.templates.licences(accountId), () => commands.licensedTemplates(accountId));
}

export function useDeleteCustomTemplate() {
  return useExtrasWrite(
    (v: { accountId: string; templateId: string }) => commands.deleteCustomTemplate(v.accountId, v.templateId),
    (v) => `Custom template ${v.templateId} deleted`,
    "Could not delete the template",
  );
}

/** Only called after the person confirmed the price. */
export function useBuyTemplate() {
  return useExtrasWrite(
    (v: { accountId: string; kind: LicenseKind; templateId: string }) => commands.buyTemplate(v.accountId, v.kind, v.templateId, true),
    (v) => `Template ${v.templateId} bought`,
    "Could not buy the template",
  );
}

/** Errors stay with the form (per-field messages); the list is refreshed after. */
export function useEditCustomTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { accountId: string; templateId: string; edit: TemplateEdit }) => call(commands.editCustomTemplate(v.accountId, v.templateId, v.edit)),
    onSuccess: (_r, v) => {
      notifySuccess(`Custom template ${v.templateId} changed`);
      void qc.invalidateQueries({ queryKey: keys.extras.templates.custom(v.accountId) });
    },
  });
}

export function useConvertBackup() {
  return useExtrasWrite(
    (v: { accountId: string; serverId: string; backupId: string }) => commands.convertBackup(v.accountId, v.serverId, v.backupId),
    (v) => `Backup ${v.backupId} is being turned into a custom template`,
    "Could not turn the backup into a template",
  );
}
