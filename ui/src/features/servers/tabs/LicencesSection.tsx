import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { Server, ServerLicence, ServerLicences } from "../../../api/bindings";
import { toAppError } from "../../../api/errors";
import { describeLicence, licenceOf, purchaseBlocked, useChangeServerLicence, useServerLicences } from "../../../api/licences";
import { QueryState } from "../../../components/QueryState";
import { FormError } from "../../../components/FormActions";
import { confirmDanger } from "../../../components/confirm";
import { applyFieldErrors } from "../../../lib/formErrors";

const KIND: Record<ServerLicence["kind"], string> = { control_panel: "Control panel", add_on: "Add-on", other: "Licence" };

/** The server's control-panel licences: the held ones with a cancel action, and a purchase (picked from the offered ones, or a typed id when the provider did not list them). */
export function LicencesSection({ server, providerLabel }: { server: Server; providerLabel: string }) {
  const licences = useServerLicences(server.account_id, server.id);
  return (
    <Stack gap="xs" data-testid="licences-section">
      <Text fw={600} size="sm">
        Control-panel licences
      </Text>
      <Text size="sm" c="dimmed">
        {providerLabel} bills each licence while the server holds it. A server has one control panel at a time; add-ons need one, and go when it is cancelled.
      </Text>
      <QueryState query={licences} errorTestId="licences-error">
        {(state) => <Licences server={server} state={state} providerLabel={providerLabel} />}
      </QueryState>
    </Stack>
  );
}

function Licences({ server, state, providerLabel }: { server: Server; state: ServerLicences; providerLabel: string }) {
  const change = useChangeServerLicence();
  const [error, setError] = useState<string | null>(null);
  // The licence to buy, picked or typed; keyed as the provider names it, so its refusal lands under it.
  const form = useForm({
    mode: "controlled",
    initialValues: { licence: "" },
    validate: { licence: (v) => (/^\d+$/.test(v.trim()) ? null : "A licence id is a number.") },
    onValuesChange: () => setError(null),
  });
  const held = state.licences.filter((l) => l.held);
  const offered = state.licences.filter((l) => !l.held);
  const send = async (l: ServerLicence, buy: boolean) => {
    setError(null);
    try {
      const name = describeLicence(l.id, l.name);
      await change.mutateAsync({ accountId: server.account_id, serverId: server.id, change: { licence: l.id, buy, confirm: true }, name });
      form.reset();
    } catch (e) {
      if (buy) {
        const failure = applyFieldErrors(form, e);
        if (!failure.placed) setError(failure.message);
      } else {
        // A cancel is refused about a held licence, which has no field: the reason goes above.
        const err = toAppError(e);
        setError(err.fields[0]?.message ?? err.message);
      }
    }
  };
  const cancel = (l: ServerLicence) => {
    const addOns = l.kind === "control_panel" ? held.filter((h) => h.kind === "add_on").map((h) => describeLicence(h.id, h.name)) : [];
    const along = addOns.length ? ` Its add-ons are cancelled with it: ${addOns.join(", ")}.` : "";
    confirmDanger(
      `Cancel ${l.name}?`,
      `${describeLicence(l.id, l.name)} is removed from server ${server.name}, and the software it licenses stops being licensed.${along}`,
      "Cancel licence",
      "licence-cancel-confirm",
      () => void send(l, false),
    );
  };
  const chosen = form.values.licence.trim();
  const buy = form.onSubmit(() => {
    const blocked = purchaseBlocked(state, chosen);
    if (blocked) return void setError(blocked);
    const l = licenceOf(state, chosen);
    confirmDanger(
      `Buy ${l.name}?`,
      `${describeLicence(l.id, l.name)} is billed by ${providerLabel} from now on for server ${server.name}, until it is cancelled.`,
      "Buy licence",
      "licence-buy-confirm",
      () => void send(l, true),
    );
  });

  return (
    <Stack gap="xs">
      {held.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="licences-none">
          The server holds no licences.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} data-testid="server-licences-table">
          <Table.Tbody>
            {held.map((l) => (
              <Table.Tr key={l.id} data-testid={`licence-row-${l.id}`}>
                <Table.Td>{describeLicence(l.id, l.name)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light">
                    {KIND[l.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td align="right">
                  <Button size="xs" variant="subtle" color="red" onClick={() => cancel(l)} disabled={change.isPending} data-testid={`licence-cancel-${l.id}`}>
                    Cancel…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={buy} noValidate data-testid="licence-form">
        <Group align="flex-end" gap="xs">
          {state.offered_known ? (
            <Select
              label="Buy a licence"
              placeholder={offered.length ? "Choose a licence" : "Nothing more to buy"}
              data={offered.map((l) => ({ value: l.id, label: `${describeLicence(l.id, l.name)} · ${KIND[l.kind]}` }))}
              {...form.getInputProps("licence")}
              value={form.values.licence || null}
              onChange={(v) => form.setFieldValue("licence", v ?? "")}
              disabled={!offered.length}
              w={320}
              data-testid="licence-buy-select"
            />
          ) : (
            <TextInput
              label="Buy a licence by id"
              description={`${providerLabel} did not list the licences this server can have (1 is cPanel, 6 ISPmanager).`}
              {...form.getInputProps("licence")}
              w={320}
              data-testid="licence-buy-id"
            />
          )}
          <Button type="submit" disabled={!chosen} loading={change.isPending} data-testid="licence-buy">
            Buy…
          </Button>
        </Group>
      </form>
      <FormError message={error} testId="licence-error" />
    </Stack>
  );
}
