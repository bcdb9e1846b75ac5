import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { QueryTable } from "../../components/ItemTable";
import { IconArrowsExchange, IconCheck, IconPencil } from "@tabler/icons-react";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AccountIp, JustificationKind, Server } from "../../api/bindings";
import { useAccountIps, useEditAccountIp, useJustifiedIps, useReassignIp, useRequestJustifiedIps } from "../../api/accountIps";
import { useAccount } from "../../api/queries";
import { hasCapability } from "../../lib/capabilities";
import { QueryState } from "../../components/QueryState";
import { confirmDanger } from "../../components/confirm";
import { useConsumerFilter } from "../../components/ConsumerFilter";
import { keys } from "../../api/keys";

/** Every address of the account: notes and consumer ids edited in place, a move within its cloud, justified addresses. */
export function AccountIpsPanel({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  const filter = useConsumerFilter("account-ips-consumer-filter");
  const ips = useAccountIps(accountId, filter.consumer);
  // Reassignment targets come from every address, whatever the filter shows.
  const all = useAccountIps(accountId);
  const edit = useEditAccountIp();
  const reassign = useReassignIp();
  const [editing, setEditing] = useState<{ id: string; notes: string; consumer: string } | null>(null);
  const [moving, setMoving] = useState<{ ip: AccountIp; server: string } | null>(null);
  // Servers by name, from the inventory the app keeps (never fetched from here; ids until it has them).
  const inventory = useQuery<Server[]>({ queryKey: keys.servers.account(accountId), queryFn: skipToken });
  const names = new Map((inventory.data ?? []).map((s) => [s.id, s.name]));
  const serverLabel = (id: string) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  const option = (id: string) => ({ value: id, label: serverLabel(id) });
  const servers = (all.data ?? []).filter((ip) => ip.server_id);
  const sameCloud = (ip: AccountIp) =>
    [...new Set(servers.filter((s) => s.cloud_id === ip.cloud_id && s.server_id !== ip.server_id).map((s) => s.server_id as string))].map(option);

  return (
    <Stack gap="md">
      {filter.input}
      <QueryTable query={ips} testId="account-ips" columns={["Address", "Server", "Cloud", "Consumer", "Notes"]} empty={filter.consumer ? `No addresses of consumer ${filter.consumer}.` : "No addresses on this account."}
        row={(ip) => (
          <Table.Tr key={ip.id} data-testid={`account-ip-row-${ip.id}`}>
            <Table.Td ff="monospace">
              {ip.ip}
              {ip.netmask && (
                <Text size="xs" c="dimmed">
                  {ip.network ?? ""} / {ip.netmask}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{ip.server_id ? serverLabel(ip.server_id) : "—"}</Table.Td>
            <Table.Td>{ip.cloud_id ?? "—"}</Table.Td>
            {editing?.id === ip.id ? (
              <>
                <Table.Td>
                  <TextInput size="xs" w={80} aria-label="Consumer id" placeholder="none" value={editing.consumer} onChange={(e) => setEditing({ ...editing, consumer: e.currentTarget.value })} data-testid={`account-ip-consumer-${ip.id}`} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label="Notes" value={editing.notes} onChange={(e) => setEditing({ ...editing, notes: e.currentTarget.value })} data-testid={`account-ip-notes-${ip.id}`} />
                </Table.Td>
              </>
            ) : (
              <>
                <Table.Td ff="monospace">{ip.consumer_id ?? "—"}</Table.Td>
                <Table.Td>{ip.notes ?? ""}</Table.Td>
              </>
            )}
            <Table.Td>
              <Group gap={2} justify="flex-end" wrap="nowrap">
                {editing?.id === ip.id ? (
                  <ActionIcon
                    variant="subtle"
                    aria-label="Save"
                    loading={edit.isPending}
                    onClick={() =>
                      edit.mutate({ accountId, ipId: ip.id, notes: editing.notes, consumerId: editing.consumer.trim() || null }, { onSuccess: () => setEditing(null) })
                    }
                    data-testid={`account-ip-save-${ip.id}`}
                  >
                    <IconCheck size={16} />
                  </ActionIcon>
                ) : (
                  <Tooltip label="Edit notes and consumer id">
                    <ActionIcon variant="subtle" aria-label={`Edit ${ip.ip}`} onClick={() => setEditing({ id: ip.id, notes: ip.notes ?? "", consumer: ip.consumer_id ?? "" })} data-testid={`account-ip-edit-${ip.id}`}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
                {hasCapability(account, "account.ip_reassign") && (
                  <Tooltip label="Move to another server on its cloud">
                    <ActionIcon variant="subtle" aria-label={`Move ${ip.ip}`} onClick={() => setMoving({ ip, server: "" })} data-testid={`account-ip-move-${ip.id}`}>
                      <IconArrowsExchange size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {moving && (
        <Group gap="xs" align="flex-end" data-testid="account-ip-move-form">
          <Select
            label={`Move ${moving.ip.ip} to server (same cloud)`}
            data={sameCloud(moving.ip)}
            value={moving.server || null}
            onChange={(v) => setMoving({ ...moving, server: v ?? "" })}
            nothingFoundMessage="No other server on this cloud"
            w={260}
            data-testid="account-ip-move-server"
          />
          <Button
            disabled={!moving.server}
            loading={reassign.isPending}
            onClick={() =>
              confirmDanger(`Move ${moving.ip.ip}?`, `It stops working on server ${moving.ip.server_id ?? "?"} and moves to server ${moving.server}.`, "Move address", "account-ip-move-confirm", () =>
                reassign.mutate({ accountId, ipId: moving.ip.id, serverId: moving.server }, { onSuccess: () => setMoving(null) }),
              )
            }
            data-testid="account-ip-move-submit"
          >
            Move…
          </Button>
          <Button variant="subtle" onClick={() => setMoving(null)}>
            Cancel
          </Button>
        </Group>
      )}
      {hasCapability(account, "account.justified_ips") && <JustifiedIps accountId={accountId} servers={[...new Set(servers.map((s) => s.server_id as string))].map(option)} />}
    </Stack>
  );
}

function JustifiedIps({ accountId, servers }: { accountId: string; servers: { value: string; label: string }[] }) {
  const list = useJustifiedIps(accountId, true);
  const request = useRequestJustifiedIps();
  const [server, setServer] = useState<string | null>(null);
  const [kind, setKind] = useState<JustificationKind>("website");
  const [reason, setReason] = useState("");
  return (
    <Stack gap="xs">
      <Title order={5}>Justified addresses</Title>
      <Group gap="xs" align="flex-end">
        <Select label="Server" data={servers} value={server} onChange={setServer} w={140} data-testid="justify-server" />
        <Select
          label="Justified by"
          data={[
            { value: "website", label: "A website (its domain)" },
            { value: "other", label: "Another reason" },
          ]}
          value={kind}
          onChange={(v) => v && setKind(v as JustificationKind)}
          allowDeselect={false}
          w={200}
          data-testid="justify-kind"
        />
        <TextInput label={kind === "website" ? "Domain" : "Reason"} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={220} data-testid="justify-reason" />
        <Button
          disabled={!server || !reason.trim()}
          loading={request.isPending}
          onClick={() =>
            confirmDanger("Request an address?", "A granted address is billed like any other.", "Request address", "justify-confirm", () =>
              request.mutate({ accountId, serverId: server as string, reasons: [{ kind, reason }] }, { onSuccess: () => setReason("") }),
            )
          }
          data-testid="justify-submit"
        >
          Request…
        </Button>
      </Group>
      <QueryState query={list} empty="No justified addresses requested." emptyTestId="justified-empty" errorTestId="justified-error">
        {(justified) => (
          <Table fz="sm" verticalSpacing={4} data-testid="justified-table">
            <Table.Tbody>
              {justified.map((j, i) => (
                <Table.Tr key={j.id ?? i}>
                  <Table.Td ff="monospace">{j.ip ?? "—"}</Table.Td>
                  <Table.Td>{j.server_id ? `server ${j.server_id}` : "—"}</Table.Td>
                  <Table.Td>{j.kind ?? "—"}</Table.Td>
                  <Table.Td>{j.reason ?? ""}</Table.Td>
                  <Table.Td>{j.status ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
