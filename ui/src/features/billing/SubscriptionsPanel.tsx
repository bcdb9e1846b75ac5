import { Alert, Badge, Button, Group, Loader, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconFileTypeCsv, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import type { Quote, Subscription, SubscriptionKind } from "../../api/bindings";
import { exportCsv, quoteExtension, quoteSubscription, useCreateSubscription, useExtendSubscription, useSubscribedTotals, useSubscriptions } from "../../api/billing";
import { errorMessage } from "../../api/errors";
import { applyFieldErrors } from "../../lib/formErrors";
import { csvName, toCsv } from "./csv";
import { money } from "./money";
import { quantityWithUnit } from "./quantity";
import { BundleOrderModal } from "./BundleOrderModal";
import { Time } from "../../components/Time";

type Order = { kind: SubscriptionKind; quantity: number; months: number; start: string };

/** Subscriptions, and buying or extending one: the provider's price is shown before anything is bought. */
export function SubscriptionsPanel({ accountId }: { accountId: string }) {
  const subs = useSubscriptions(accountId, true);
  const [ordering, setOrdering] = useState(false);
  const [bundling, setBundling] = useState(false);
  const [extending, setExtending] = useState<Subscription | null>(null);
  const rows = subs.data ?? [];
  return (
    <Stack gap="xs">
      <Group justify="flex-end" gap="xs">
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setOrdering(true)} data-testid="subscription-new">
          Subscribe to IPs or VLANs…
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setBundling(true)} data-testid="bundle-new">
          Subscribe to resources or software…
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileTypeCsv size={14} />}
          disabled={rows.length === 0}
          onClick={() =>
            exportCsv(
              csvName("subscriptions"),
              toCsv(rows, [
                { header: "id", value: (s) => s.id },
                { header: "kind", value: (s) => s.kind },
                { header: "label", value: (s) => s.label },
                { header: "quantity", value: (s) => s.quantity },
                { header: "unit", value: (s) => s.unit },
                { header: "resource", value: (s) => s.resource },
                { header: "start", value: (s) => s.start },
                { header: "end", value: (s) => s.end },
              ]),
            )
          }
          data-testid="subscriptions-export-csv"
        >
          Export CSV
        </Button>
      </Group>
      <TotalsTable accountId={accountId} />
      <Title order={6}>
        Subscriptions
      </Title>
      {subs.isError && <Alert color="red" variant="light">{subs.error.message}</Alert>}
      <Table striped verticalSpacing={4} fz="sm" data-testid="subscriptions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>What</Table.Th>
            <Table.Th>Quantity</Table.Th>
            <Table.Th>Resource</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Until</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s, i) => (
            <Table.Tr key={s.id ?? i} data-testid="subscription-row">
              <Table.Td>
                {s.label} <Badge size="xs" variant="light" color="gray">{s.kind}</Badge>
              </Table.Td>
              <Table.Td>
                {quantityWithUnit(s.quantity, s.unit)}
              </Table.Td>
              <Table.Td>{s.resource ?? "—"}</Table.Td>
              <Table.Td>
                <Time value={s.start} />
              </Table.Td>
              <Table.Td>
                <Time value={s.end} />
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" disabled={!s.id} onClick={() => setExtending(s)} data-testid={`subscription-extend-${s.id}`}>
                  Extend…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {subs.isSuccess && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed" ta="center">
                  No subscriptions.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <OrderModal accountId={accountId} opened={ordering} onClose={() => setOrdering(false)} />
      {bundling && <BundleOrderModal accountId={accountId} opened start={nowUtcMinute()} onClose={() => setBundling(false)} />}
      <ExtendModal accountId={accountId} subscription={extending} onClose={() => setExtending(null)} />
    </Stack>
  );
}

const SCOPE_LABEL = { resources: "Resources", network: "Network" } as const;

/** What the account has subscribed in total, as CloudSigma adds it up (one row per line it sends). */
function TotalsTable({ accountId }: { accountId: string }) {
  const totals = useSubscribedTotals(accountId, true);
  return (
    <Stack gap={4} data-testid="subscribed-totals">
      <Title order={6}>
        Subscribed in total
      </Title>
      {totals.isPending && <Loader size="sm" aria-label="Loading the subscribed totals" />}
      {totals.isError && (
        <Alert color="red" variant="light" data-testid="subscribed-totals-error">
          {totals.error.message}
        </Alert>
      )}
      {totals.data && totals.data.length === 0 && (
        <Text size="sm" c="dimmed">
          CloudSigma reports no subscribed totals.
        </Text>
      )}
      {totals.data && totals.data.length > 0 && (
        <Table verticalSpacing={4} fz="sm" data-testid="subscribed-totals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>What</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th>Unit</Table.Th>
              <Table.Th>Of</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.data.map((t) => (
              <Table.Tr key={`${t.scope}-${t.resource}`} data-testid="subscribed-total-row">
                <Table.Td>{t.label}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {t.quantity || "—"}
                </Table.Td>
                <Table.Td>{t.unit}</Table.Td>
                <Table.Td>{SCOPE_LABEL[t.scope]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function nowUtcMinute(): string {
  return new Date().toISOString().slice(0, 16).replace("T", " ");
}

function QuoteLine({ quote }: { quote: Quote }) {
  return (
    <Alert color="blue" variant="light" data-testid="subscription-quote">
      The provider quotes <b>{money(quote.amount, quote.currency)}</b>. Nothing has been bought yet.
    </Alert>
  );
}

function OrderModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const [quote, setQuote] = useState<Quote | null>(null);
  // A changed order needs a new price.
  const form = useForm<Order>({
    mode: "controlled",
    initialValues: { kind: "ip", quantity: 1, months: 1, start: nowUtcMinute() },
    onValuesChange: () => setQuote(null),
  });
  const order = form.values;
  const [formError, setFormError] = useState<string | null>(null);
  const [pricing, setPricing] = useState(false);
  const create = useCreateSubscription();
  const close = () => {
    setQuote(null);
    form.clearErrors();
    setFormError(null);
    onClose();
  };
  const fail = (e: unknown) => {
    const failure = applyFieldErrors(form, e);
    if (!failure.placed) setFormError(failure.message);
  };
  const request = { kind: order.kind, quantity: order.quantity, months: order.months, start: order.start.trim() || null };
  const price = async () => {
    form.clearErrors();
    setFormError(null);
    setPricing(true);
    try {
      setQuote(await quoteSubscription(accountId, request));
    } catch (e) {
      fail(e);
    } finally {
      setPricing(false);
    }
  };
  const buy = () =>
    create.mutate(
      { accountId, order: request },
      { onSuccess: close, onError: (e) => fail(e) },
    );
  return (
    <Modal opened={opened} onClose={close} title="New subscription" data-testid="subscription-order">
      <Stack gap="xs">
        <Select
          label="What"
          value={order.kind}
          onChange={(v) => v && form.setFieldValue("kind", v as SubscriptionKind)}
          data={[
            { value: "ip", label: "Static IP addresses" },
            { value: "vlan", label: "Private network VLANs" },
          ]}
          allowDeselect={false}
          data-testid="subscription-kind"
        />
        <NumberInput label="How many" min={1} value={order.quantity} onChange={(v) => form.setFieldValue("quantity", Number(v) || 0)} error={form.errors.quantity} data-testid="subscription-quantity" />
        <NumberInput label="Months" min={1} value={order.months} onChange={(v) => form.setFieldValue("months", Number(v) || 0)} error={form.errors.months} data-testid="subscription-months" />
        <TextInput label="Start (UTC, YYYY-MM-DD HH:MM)" {...form.getInputProps("start")} data-testid="subscription-start" />
        {quote && <QuoteLine quote={quote} />}
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {quote ? (
            <Button color="orange" loading={create.isPending} onClick={buy} data-testid="subscription-buy">
              Buy for {money(quote.amount, quote.currency)}
            </Button>
          ) : (
            <Button loading={pricing} onClick={price} data-testid="subscription-price">
              Get the price
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function ExtendModal({ accountId, subscription, onClose }: { accountId: string; subscription: Subscription | null; onClose: () => void }) {
  const [months, setMonths] = useState(1);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const extend = useExtendSubscription();
  const close = () => {
    setQuote(null);
    setError(null);
    onClose();
  };
  const id = subscription?.id ?? "";
  return (
    <Modal opened={!!subscription} onClose={close} title={`Extend ${subscription?.label ?? ""}`} data-testid="subscription-extend">
      <Stack gap="xs">
        <Text size="sm">Until <Time value={subscription?.end} /> now.</Text>
        <NumberInput
          label="By months"
          min={1}
          value={months}
          onChange={(v) => {
            setMonths(Number(v) || 0);
            setQuote(null);
          }}
          data-testid="subscription-extend-months"
        />
        {quote && <QuoteLine quote={quote} />}
        {error && <Alert color="red" variant="light">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {quote ? (
            <Button
              color="orange"
              loading={extend.isPending}
              onClick={() => extend.mutate({ accountId, id, months }, { onSuccess: close, onError: (e) => setError(errorMessage(e)) })}
              data-testid="subscription-extend-confirm"
            >
              Extend for {money(quote.amount, quote.currency)}
            </Button>
          ) : (
            <Button
              onClick={async () => {
                setError(null);
                try {
                  setQuote(await quoteExtension(accountId, id, months));
                } catch (e) {
                  setError(errorMessage(e));
                }
              }}
              data-testid="subscription-extend-price"
            >
              Get the price
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
