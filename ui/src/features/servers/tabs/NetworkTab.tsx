import { Button, Checkbox, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { modals } from "@mantine/modals";
import { confirmDanger } from "../../../components/confirm";
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { AccountView, Capability, IpAddress, Server } from "../../../api/bindings";
import { useAddIpv4, useAddresses, useDeleteReverse, useRemoveIpv4, useResetReverse, useReverseIpv6, useSetReverse } from "../../../api/serverNetwork";
import { FormError } from "../../../components/FormActions";
import { hasCapability } from "../../../lib/capabilities";
import { useFormSave } from "../../../lib/formErrors";
import { RowAction, RowActions } from "../../../components/ItemTable";
import { LoadingOrError } from "../../../components/QueryState";

type Props = { server: Server; account: AccountView | undefined; providerLabel: string };

/** What puts a reverse DNS column on the addresses. */
const REVERSE: Capability[] = ["network.reverse_set", "network.reverse_reset", "network.reverse_delete", "network.reverse_list"];

function network(a: IpAddress): string {
  if (a.network) return a.network_size !== null ? `${a.network}/${a.network_size}` : a.network;
  return a.netmask ?? "—";
}

export function NetworkTab({ server, account, providerLabel }: Props) {
  const target = { accountId: server.account_id, serverId: server.id };
  const addresses = useAddresses(server.account_id, server.id, hasCapability(account, "network.ips"));
  const reverse6 = useReverseIpv6(server.account_id, server.id, hasCapability(account, "network.reverse_list"));
  const addIpv4 = useAddIpv4();
  const removeIpv4 = useRemoveIpv4();
  const resetReverse = useResetReverse();
  const deleteReverse = useDeleteReverse();
  const setReverse = useSetReverse();
  const [reboot, setReboot] = useState(true);
  const form = useForm({ mode: "controlled", initialValues: { ip: "", entry: "" } });
  const { formError, attempt } = useFormSave(form);
  const editReverse = (ip: string, entry: string) => form.setValues({ ip, entry });
  // Providers without reverse DNS or address calls get neither the column nor the actions.
  const showReverse = REVERSE.some((c) => hasCapability(account, c));
  const showActions = showReverse || hasCapability(account, "network.ipv4_remove");

  // Only where the provider restarts servers for address changes (Vultr) is
  // there a reboot choice and a restart warning.
  const restarts = hasCapability(account, "network.ipv4_restarts");

  const confirmAdd = () =>
    modals.openConfirmModal({
      title: "Add an IPv4 address",
      children: (
        <Text size="sm">
          {providerLabel} bills the new address from now on.
          {restarts && (reboot ? " The server reboots at once so the address can be configured." : " Reboot the server later to configure it.")}
        </Text>
      ),
      labels: { confirm: "Add address", cancel: "Cancel" },
      confirmProps: { "data-testid": "ip-add-confirm" } as never,
      onConfirm: () => addIpv4.mutate({ ...target, reboot: restarts && reboot }),
    });

  const confirmRemove = (ip: string) =>
    confirmDanger(
      `Remove ${ip}?`,
      restarts
        ? "The server is hard-restarted. Halting it gracefully first is safer."
        : `${providerLabel} takes the address back and stops billing it; anything using it stops working.`,
      "Remove address",
      "ip-remove-confirm",
      () => removeIpv4.mutate({ ...target, ip }),
    );

  const submitReverse = form.onSubmit(({ ip, entry }) =>
    attempt(async () => {
      await setReverse.mutateAsync({ ...target, ip: ip.trim(), entry: entry.trim() });
      form.reset();
    }),
  );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>Addresses</Title>
          {hasCapability(account, "network.ipv4_add") && (
            <Group gap="xs">
              {restarts && (
                <Checkbox size="xs" label="Reboot now" checked={reboot} onChange={(e) => setReboot(e.currentTarget.checked)} data-testid="ip-add-reboot" />
              )}
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} loading={addIpv4.isPending} onClick={confirmAdd} data-testid="ip-add">
                Add IPv4 address
              </Button>
            </Group>
          )}
        </Group>
        {addresses.isPending || addresses.isError ? (
          <LoadingOrError query={addresses} errorTestId="addresses-error" />
        ) : addresses.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {providerLabel} lists addresses only for active servers.
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} data-testid="network-addresses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>Role</Table.Th>
                {showReverse && <Table.Th>Reverse DNS</Table.Th>}
                {showActions && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {addresses.data.map((a) => (
                <Table.Tr key={a.ip} data-testid={`address-row-${a.ip}`}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {a.ip}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {network(a)}
                      {a.gateway ? ` via ${a.gateway}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c={a.role === "main" ? undefined : "dimmed"} style={{ whiteSpace: "nowrap" }}>
                      IPv{a.version} {a.role}
                    </Text>
                  </Table.Td>
                  {showReverse && (
                    <Table.Td data-testid={`address-reverse-${a.ip}`} style={{ wordBreak: "break-all" }}>
                      {a.reverse ?? (a.version === 6 && hasCapability(account, "network.reverse_list") ? "see below" : "—")}
                    </Table.Td>
                  )}
                  {showActions && (
                    <RowActions>
                      {a.role !== "private" && hasCapability(account, "network.reverse_set") && (
                        <RowAction tooltip="Set reverse DNS" label={`Set reverse DNS of ${a.ip}`} icon={<IconPencil size={16} />} onClick={() => editReverse(a.ip, a.reverse ?? "")} testId={`reverse-edit-${a.ip}`} />
                      )}
                      {a.version === 4 && a.role !== "private" && hasCapability(account, "network.reverse_reset") && (
                        <RowAction
                          tooltip="Reset reverse DNS to the default"
                          label={`Reset reverse DNS of ${a.ip}`}
                          icon={<IconArrowBackUp size={16} />}
                          onClick={() => resetReverse.mutate({ ...target, ip: a.ip })}
                          testId={`reverse-reset-${a.ip}`}
                        />
                      )}
                      {a.version === 4 && a.role === "secondary" && hasCapability(account, "network.ipv4_remove") && (
                        <RowAction tooltip="Remove this address" color="red" label={`Remove ${a.ip}`} icon={<IconTrash size={16} />} onClick={() => confirmRemove(a.ip)} testId={`ip-remove-${a.ip}`} />
                      )}
                    </RowActions>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      {hasCapability(account, "network.reverse_set") && (
        <form onSubmit={submitReverse} data-testid="reverse-form" noValidate>
          <Stack gap="xs">
            <Title order={5}>Set reverse DNS</Title>
            <Group gap="xs" align="flex-start" grow>
              <TextInput
                label="Address"
                placeholder="IPv4, or an IPv6 address in the server's network"
                {...form.getInputProps("ip")}
                ff="monospace"
                data-testid="reverse-ip"
              />
              <TextInput
                label="Host name"
                placeholder="mail.example.com"
                {...form.getInputProps("entry")}
                data-testid="reverse-entry"
              />
            </Group>
            <FormError message={formError} testId="reverse-error" />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                DNS may take 6–12 hours to follow a change.
              </Text>
              <Button type="submit" size="xs" loading={setReverse.isPending} disabled={!form.values.ip || !form.values.entry} data-testid="reverse-submit">
                Set reverse DNS
              </Button>
            </Group>
          </Stack>
        </form>
      )}

      {hasCapability(account, "network.reverse_list") && (
        <Stack gap="xs">
          <Title order={5}>IPv6 reverse DNS</Title>
          {reverse6.isPending || reverse6.isError ? (
            <LoadingOrError query={reverse6} />
          ) : reverse6.data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="reverse6-empty">
              No IPv6 reverse DNS entries.
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={4} data-testid="reverse6-table">
              <Table.Tbody>
                {reverse6.data.map((r) => (
                  <Table.Tr key={r.ip} data-testid={`reverse6-row-${r.ip}`}>
                    <Table.Td ff="monospace">{r.ip}</Table.Td>
                    <Table.Td>{r.reverse}</Table.Td>
                    <RowActions>
                      <RowAction label={`Edit reverse DNS of ${r.ip}`} icon={<IconPencil size={16} />} onClick={() => editReverse(r.ip, r.reverse)} />
                      {hasCapability(account, "network.reverse_delete") && (
                        <RowAction color="red" label={`Delete reverse DNS of ${r.ip}`} icon={<IconTrash size={16} />} onClick={() => deleteReverse.mutate({ ...target, ip: r.ip })} testId={`reverse6-delete-${r.ip}`} />
                      )}
                    </RowActions>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}
