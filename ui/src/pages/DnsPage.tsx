import { Alert, Anchor, Button, Group, Loader, Modal, NavLink, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconDownload, IconFileImport, IconPlus, IconTemplate, IconTrash, IconWorldWww } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { DnsRecord, RecordType } from "../api/bindings";
import { useDeleteRecords, useDeleteZone, useDnsAccounts, useRecords, useRecordsAt, useZones } from "../api/dns";
import { RecordFormModal } from "../features/dns/RecordFormModal";
import { filterRecords, RecordsTable, sortRecords, type Sort } from "../features/dns/RecordsTable";
import { ExportModal, ImportModal } from "../features/dns/ZoneFileModals";
import { CreateZoneModal, TemplatesDrawer } from "../features/dns/ZoneModals";

const TYPES: RecordType[] = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "FAILOVER", "SOA"];

function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+?)(?=[.,]?(\s|$))/);
  return (
    <>
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <Anchor key={i} href={p} target="_blank" rel="noreferrer">
            {p}
          </Anchor>
        ) : (
          p
        ),
      )}
    </>
  );
}

/** Records that point at an address, across every DNS account; a row opens the record's zone. */
function AddressHits({ address, onOpen, onClear }: { address: string; onOpen: (accountId: string, zoneId: string) => void; onClear: () => void }) {
  const hits = useRecordsAt(address);
  return (
    <Paper withBorder p="sm" data-testid="dns-address-hits">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          Records pointing at <Text span ff="monospace">{address}</Text>
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={onClear}>
          Clear
        </Button>
      </Group>
      {hits.isLoading && <Loader size="xs" />}
      {hits.error && <Text c="red" size="sm">{hits.error.message}</Text>}
      {hits.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="dns-address-none">
          No A, AAAA or failover record of your DNS zones points at this address.
        </Text>
      )}
      <Stack gap={2}>
        {hits.data?.map((h) => (
          <Anchor
            key={`${h.account_id}-${h.zone_id}-${h.record.id}`}
            component="button"
            size="sm"
            ta="left"
            onClick={() => onOpen(h.account_id, h.zone_id)}
            data-testid={`dns-address-hit-${h.record.id}`}
          >
            {h.record.type} {h.record.host === "@" ? h.zone : `${h.record.host}.${h.zone}`} ({h.account})
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
}

/** DNS: zones of the accounts whose provider has a DNS API, their records, templates and zone files. */
export function DnsPage() {
  const accounts = useDnsAccounts();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [zoneId, setZoneId] = useState<string | null>(null);
  // `/dns?ip=203.0.113.10` (the link from a server's address): the records that point at it.
  const [search, setSearch] = useSearchParams();
  const address = search.get("ip");
  const [typeFilter, setTypeFilter] = useState<RecordType | null>(null);
  const [hostFilter, setHostFilter] = useState("");
  const [sort, setSort] = useState<Sort>({ key: "host", desc: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<DnsRecord | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [confirm, setConfirm] = useState<DnsRecord[] | null>(null);
  const [modal, setModal] = useState<"import" | "export" | "zone" | "templates" | "delete-zone" | null>(null);

  const list = accounts.data ?? [];
  const account = list.find((a) => a.account_id === accountId) ?? list.find((a) => !a.unsupported) ?? list[0];
  const supported = account && !account.unsupported;
  const zones = useZones(supported ? account.account_id : null);
  const zone = zones.data?.find((z) => z.id === zoneId) ?? zones.data?.[0];
  const records = useRecords(supported ? account.account_id : null, zone?.id ?? null);
  const deleteRecords = useDeleteRecords(account?.account_id ?? "", zone?.id ?? "");
  const deleteZone = useDeleteZone(account?.account_id ?? "");

  useEffect(() => setSelected(new Set()), [zone?.id]);

  const shown = useMemo(
    () => sortRecords(filterRecords(records.data ?? [], typeFilter, hostFilter), sort),
    [records.data, typeFilter, hostFilter, sort],
  );
  const pointsAt = (r: DnsRecord) => !!address && r.data.split(/\s+/).includes(address);

  const openHit = (acc: string, z: string) => {
    setAccountId(acc);
    setZoneId(z);
  };

  if (accounts.isLoading) return <Loader size="sm" />;
  if (accounts.error) return <Alert color="red">{accounts.error.message}</Alert>;
  if (list.length === 0) return <Text c="dimmed">Add an account to manage its DNS.</Text>;

  return (
    <Stack gap="sm" data-testid="dns-page">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={3}>DNS</Title>
          <Select
            size="sm"
            w={260}
            aria-label="Account"
            data={list.map((a) => ({ value: a.account_id, label: a.unsupported ? `${a.name} (no DNS API)` : a.name }))}
            value={account?.account_id ?? null}
            allowDeselect={false}
            onChange={(v) => {
              setAccountId(v);
              setZoneId(null);
            }}
            data-testid="dns-account"
          />
        </Group>
        {supported && (
          <Group gap="xs">
            <Button variant="default" size="sm" leftSection={<IconTemplate size={16} />} onClick={() => setModal("templates")} data-testid="dns-open-templates">
              Templates
            </Button>
            <Button variant="default" size="sm" leftSection={<IconPlus size={16} />} onClick={() => setModal("zone")} data-testid="dns-new-zone">
              New zone
            </Button>
          </Group>
        )}
      </Group>

      {address && <AddressHits address={address} onOpen={openHit} onClear={() => setSearch({}, { replace: true })} />}

      {account && !supported && (
        <Alert color="gray" variant="light" icon={<IconWorldWww size={18} />} title={`${account.name}: no DNS here`} data-testid="dns-unsupported">
          <Linkified text={account.unsupported ?? ""} />
        </Alert>
      )}

      {supported && (
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <Paper withBorder p={4} w={220} style={{ flexShrink: 0 }} data-testid="dns-zones">
            {zones.isLoading && <Loader size="sm" m="sm" />}
            {zones.error && <Text c="red" size="sm" p="xs">{zones.error.message}</Text>}
            {zones.data?.length === 0 && <Text size="sm" c="dimmed" p="xs">No zones yet.</Text>}
            {zones.data?.map((z) => (
              <NavLink
                key={z.id}
                component="button"
                label={z.name}
                active={z.id === zone?.id}
                onClick={() => setZoneId(z.id)}
                data-testid={`dns-zone-${z.name}`}
              />
            ))}
          </Paper>

          {zone && (
            <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs">
                  <Select
                    size="xs"
                    w={130}
                    placeholder="All types"
                    clearable
                    data={TYPES}
                    value={typeFilter}
                    onChange={(v) => setTypeFilter(v as RecordType | null)}
                    aria-label="Filter by type"
                    data-testid="dns-filter-type"
                  />
                  <TextInput size="xs" w={180} placeholder="Filter by name" value={hostFilter} onChange={(e) => setHostFilter(e.currentTarget.value)} aria-label="Filter by name" data-testid="dns-filter-host" />
                  <Text size="xs" c="dimmed">
                    {shown.length} of {records.data?.length ?? 0}
                  </Text>
                </Group>
                <Group gap="xs">
                  {selected.size > 0 && (
                    <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} />} onClick={() => setConfirm((records.data ?? []).filter((r) => selected.has(r.id)))} data-testid="dns-bulk-delete">
                      Delete {selected.size}
                    </Button>
                  )}
                  <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} onClick={() => setModal("import")} data-testid="dns-import">
                    Import
                  </Button>
                  <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => setModal("export")} data-testid="dns-export">
                    Export
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setModal("delete-zone")} data-testid="dns-delete-zone">
                    Delete zone
                  </Button>
                  <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => { setEditing(null); setFormOpen(true); }} data-testid="dns-add-record">
                    Add record
                  </Button>
                </Group>
              </Group>
              {records.isLoading && <Loader size="sm" />}
              {records.error && <Alert color="red">{records.error.message}</Alert>}
              {records.data && (
                <RecordsTable
                  records={shown}
                  sort={sort}
                  onSort={setSort}
                  selected={selected}
                  onSelect={setSelected}
                  onEdit={(r) => { setEditing(r); setFormOpen(true); }}
                  onDelete={(r) => setConfirm([r])}
                  highlight={pointsAt}
                />
              )}
              {records.data && shown.length === 0 && <Text size="sm" c="dimmed">No record matches the filter.</Text>}
            </Stack>
          )}
        </Group>
      )}

      {supported && zone && (
        <>
          <RecordFormModal opened={formOpen} onClose={() => setFormOpen(false)} target={{ kind: "zone", accountId: account.account_id, zone: zone.id }} zoneName={zone.name} record={editing} />
          <ImportModal opened={modal === "import"} onClose={() => setModal(null)} accountId={account.account_id} zone={zone.id} zoneName={zone.name} />
          <ExportModal opened={modal === "export"} onClose={() => setModal(null)} accountId={account.account_id} zone={zone.id} zoneName={zone.name} />
          <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm?.length === 1 ? "Delete this record?" : `Delete ${confirm?.length} records?`} data-testid="dns-confirm-delete">
            <Stack gap="sm">
              <Text size="sm">They stop resolving as soon as VPS.NET applies the change.</Text>
              <Stack gap={2}>
                {confirm?.map((r) => (
                  <Text key={r.id} size="sm" ff="monospace">
                    {r.type} {r.host} {r.data}
                  </Text>
                ))}
              </Stack>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirm(null)}>
                  Cancel
                </Button>
                <Button
                  color="red"
                  loading={deleteRecords.isPending}
                  onClick={async () => {
                    await deleteRecords.mutateAsync((confirm ?? []).map((r) => r.id)).catch(() => undefined);
                    setSelected(new Set());
                    setConfirm(null);
                  }}
                  data-testid="dns-confirm-delete-button"
                >
                  Delete
                </Button>
              </Group>
            </Stack>
          </Modal>
          <Modal opened={modal === "delete-zone"} onClose={() => setModal(null)} title={`Delete ${zone.name}?`}>
            <Stack gap="sm">
              <Text size="sm">The zone and all {records.data?.length ?? 0} of its records are deleted; the domain stops resolving at VPS.NET.</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setModal(null)}>
                  Cancel
                </Button>
                <Button
                  color="red"
                  loading={deleteZone.isPending}
                  onClick={async () => {
                    await deleteZone.mutateAsync(zone.id).catch(() => undefined);
                    setZoneId(null);
                    setModal(null);
                  }}
                  data-testid="dns-delete-zone-confirm"
                >
                  Delete zone
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
      {supported && (
        <>
          <CreateZoneModal opened={modal === "zone"} onClose={() => setModal(null)} accountId={account.account_id} onCreated={setZoneId} />
          <TemplatesDrawer opened={modal === "templates"} onClose={() => setModal(null)} accountId={account.account_id} />
        </>
      )}
    </Stack>
  );
}
