/**
 * DNS: zones, records, templates, zone-file export/import and the records that point at an
 * address. Every write refreshes what it changed; validation errors come back with `fields`
 * so forms can place them.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, type AccountView, type NewZone, type ProviderKind, type RecordInput, type SavedFile } from "./bindings";
import { call } from "./errors";
import { useCommandQuery } from "./commandQuery";
import { notifyError, notifySuccess } from "../lib/notify";
import { keys } from "./keys";
import { accountsQuery } from "./queries";
import { hasCapability } from "../lib/capabilities";
import { providerInfo } from "../lib/labels";

/** An account as the DNS page lists it: with the reason when its provider has no DNS API. */
export type DnsAccount = {
  account_id: string;
  name: string;
  provider: ProviderKind;
  unsupported: string | null;
};

function dnsAccount(a: AccountView): DnsAccount {
  const unsupported = hasCapability(a, "dns") ? null : providerInfo(a.provider).no_dns;
  return { account_id: a.id, name: a.name, provider: a.provider, unsupported };
}

const dnsAccounts = (views: AccountView[]) => views.map(dnsAccount);

export function useDnsAccounts() {
  return useQuery({ ...accountsQuery, select: dnsAccounts });
}

export function useZones(accountId: string | null) {
  return useCommandQuery(keys.dns.zones(accountId ?? ""), () => commands.dnsZones(accountId ?? ""), { enabled: !!accountId });
}

export function useRecords(accountId: string | null, zoneId: string | null) {
  return useCommandQuery(keys.dns.records(accountId ?? "", zoneId ?? ""), () => commands.dnsRecords(accountId ?? "", zoneId ?? ""), { enabled: !!accountId && !!zoneId });
}

export function useTemplates(accountId: string | null, enabled = true) {
  return useCommandQuery(keys.dns.templates(accountId ?? ""), () => commands.dnsTemplates(accountId ?? ""), { enabled: !!accountId && enabled });
}

export function useTemplateRecords(accountId: string | null, templateId: string | null) {
  return useCommandQuery(keys.dns.templateRecords(accountId ?? "", templateId ?? ""), () => commands.dnsTemplateRecords(accountId ?? "", templateId ?? ""), { enabled: !!accountId && !!templateId });
}

export function useRecordsAt(address: string | null) {
  return useCommandQuery(keys.dns.address(address ?? ""), () => commands.dnsFindAddress(address ?? ""), { enabled: !!address });
}

/** Where a record is saved: a zone's records or a template's. */
export type RecordTarget = { kind: "zone"; accountId: string; zone: string } | { kind: "template"; accountId: string; templateId: string };

export function useSaveRecord(target: RecordTarget) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, record }: { id: string | null; record: RecordInput }) => {
      if (target.kind === "zone") {
        return call(
          id === null
            ? commands.dnsAddRecord(target.accountId, target.zone, record)
            : commands.dnsUpdateRecord(target.accountId, target.zone, id, record),
        );
      }
      return call(
        id === null
          ? commands.dnsAddTemplateRecord(target.accountId, target.templateId, record)
          : commands.dnsUpdateTemplateRecord(target.accountId, target.templateId, id, record),
      );
    },
    onSuccess: (_, { id, record }) => {
      notifySuccess(id === null ? "Record added" : "Record saved", `${record.type} ${record.host || "@"}`);
      return qc.invalidateQueries({
        queryKey:
          target.kind === "zone"
            ? keys.dns.records(target.accountId, target.zone)
            : keys.dns.templateRecords(target.accountId, target.templateId),
      });
    },
  });
}

export function useDeleteRecords(accountId: string, zone: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => call(commands.dnsDeleteRecords(accountId, zone, ids)),
    onSuccess: (outcomes) => {
      const failed = outcomes.filter((o) => o.error);
      const done = outcomes.length - failed.length;
      if (done > 0) notifySuccess(done === 1 ? "Record deleted" : `${done} records deleted`, "");
      for (const f of failed) notifyError(`Record ${f.id} was not deleted`, { kind: "provider", message: f.error ?? "", fields: [] });
      return qc.invalidateQueries({ queryKey: keys.dns.records(accountId, zone) });
    },
  });
}

export function useDeleteTemplateRecord(accountId: string, templateId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(commands.dnsDeleteTemplateRecord(accountId, templateId, id)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.dns.templateRecords(accountId, templateId) }),
    onError: (e) => notifyError("The template record was not deleted", e),
  });
}

export function useCreateZone(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (request: NewZone) => call(commands.dnsCreateZone(accountId, request)),
    onSuccess: (created) => {
      notifySuccess("Zone created", created.zone.name);
      return qc.invalidateQueries({ queryKey: keys.dns.zones(accountId) });
    },
  });
}

export function useDeleteZone(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (zone: string) => call(commands.dnsDeleteZone(accountId, zone)),
    onSuccess: () => {
      notifySuccess("Zone deleted", "");
      return qc.invalidateQueries({ queryKey: keys.dns.zones(accountId) });
    },
    onError: (e) => notifyError("The zone was not deleted", e),
  });
}

export function useCreateTemplate(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(commands.dnsCreateTemplate(accountId, name)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.dns.templates(accountId) }),
  });
}

export function useDeleteTemplate(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => call(commands.dnsDeleteTemplate(accountId, templateId)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.dns.templates(accountId) }),
    onError: (e) => notifyError("The template was not deleted", e),
  });
}

export function fetchExport(accountId: string, zone: string): Promise<string> {
  return call(commands.dnsExport(accountId, zone));
}

export function useImportPlan(accountId: string, zone: string) {
  return useMutation({ mutationFn: (text: string) => call(commands.dnsImportPlan(accountId, zone, text)) });
}

export function useApplyImport(accountId: string, zone: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => call(commands.dnsImport(accountId, zone, text)),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.dns.records(accountId, zone) }),
  });
}

/** Saves the zone file where the person chooses in the save dialog (opened by the backend); `null` when cancelled. */
export async function saveZoneFile(accountId: string, zone: string, zoneName: string): Promise<SavedFile | null> {
  try {
    const saved = await call(commands.dnsSaveExport(accountId, zone, `${zoneName}.zone`));
    if (saved) notifySuccess("Zone file saved", saved.path);
    return saved;
  } catch (e) {
    notifyError("The zone file could not be saved", e);
    return null;
  }
}
