import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import type { BundleKind, BundleQuote } from "../../api/bindings";
import { quoteBundle, useCreateBundle } from "../../api/billing";
import { applyFieldErrors } from "../../lib/formErrors";
import { BUNDLE_PARTS, bundleInitialValues, bundleOrder, type BundleValues } from "./bundles";
import { money } from "./money";
import { quantityWithUnit } from "./quantity";

/** The provider's `start_time` is the form's start. */
const RENAME = { start_time: "start" };

/** The price shown before buying: CloudSigma's total for software; for resources, whose API calculates none, its listed rates. */
function BundlePreview({ quote }: { quote: BundleQuote }) {
  return (
    <Alert color="blue" variant="light" data-testid="bundle-quote">
      <Stack gap={4}>
        {quote.total !== null ? (
          <Text size="sm">
            The provider quotes <b>{money(quote.total, quote.currency)}</b>. Nothing has been bought yet.
          </Text>
        ) : (
          <Text size="sm">
            CloudSigma&apos;s API calculates no price for resources: these are its listed subscription rates per unit, and it charges the total when
            you buy (shown afterwards in Transactions). Nothing has been bought yet.
          </Text>
        )}
        <Table verticalSpacing={2} fz="sm" data-testid="bundle-quote-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>What</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th ta="right">Listed rate</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.lines.map((l) => (
              <Table.Tr key={l.key}>
                <Table.Td>{l.label}</Table.Td>
                <Table.Td ta="right">
                  {quantityWithUnit(l.quantity, l.unit)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {l.rate !== null ? money(l.rate, quote.currency) : "not listed"}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Alert>
  );
}

/** Buying CloudSigma resources or software licences: priced first, bought only from the preview. */
export function BundleOrderModal({ accountId, opened, start, onClose }: { accountId: string; opened: boolean; start: string; onClose: () => void }) {
  const [quote, setQuote] = useState<BundleQuote | null>(null);
  // A changed order needs a new price.
  const form = useForm<BundleValues>({ mode: "controlled", initialValues: bundleInitialValues(start), onValuesChange: () => setQuote(null) });
  const [formError, setFormError] = useState<string | null>(null);
  const [pricing, setPricing] = useState(false);
  const create = useCreateBundle();
  const values = form.values;
  const close = () => {
    setQuote(null);
    form.clearErrors();
    setFormError(null);
    onClose();
  };
  const fail = (e: unknown) => {
    const failure = applyFieldErrors(form, e, RENAME);
    if (!failure.placed) setFormError(failure.message);
  };
  const order = bundleOrder(values);
  const price = async () => {
    form.clearErrors();
    setFormError(null);
    setPricing(true);
    try {
      setQuote(await quoteBundle(accountId, order));
    } catch (e) {
      fail(e);
    } finally {
      setPricing(false);
    }
  };
  const buy = () => create.mutate({ accountId, order }, { onSuccess: close, onError: (e) => fail(e) });
  return (
    <Modal opened={opened} onClose={close} title="Subscribe to resources or software" size="lg" data-testid="bundle-order">
      <Stack gap="xs">
        <SegmentedControl
          value={values.kind}
          onChange={(v) => form.setFieldValue("kind", v as BundleKind)}
          data={[
            { value: "resources", label: "Resources" },
            { value: "software", label: "Software licences" },
          ]}
          aria-label="What to subscribe to"
          data-testid="bundle-kind"
        />
        {BUNDLE_PARTS[values.kind].map((p) => (
          <NumberInput
            key={p.key}
            label={`${p.label} (${p.unit})`}
            description={p.min ? `0 for none, else at least ${p.min}` : undefined}
            min={0}
            allowDecimal={false}
            value={Number(values[p.key]) || 0}
            onChange={(v) => form.setFieldValue(p.key, Number(v) || 0)}
            error={form.errors[p.key]}
            data-testid={`bundle-${p.key}`}
          />
        ))}
        <NumberInput label="Months" min={1} allowDecimal={false} value={values.months} onChange={(v) => form.setFieldValue("months", Number(v) || 0)} error={form.errors.months} data-testid="bundle-months" />
        <TextInput label="Start (UTC, YYYY-MM-DD HH:MM)" {...form.getInputProps("start")} data-testid="bundle-start" />
        {quote && <BundlePreview quote={quote} />}
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="bundle-error">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {quote ? (
            <Button color="orange" loading={create.isPending} onClick={buy} data-testid="bundle-buy">
              {quote.total !== null ? `Buy for ${money(quote.total, quote.currency)}` : "Buy at these rates"}
            </Button>
          ) : (
            <Button loading={pricing} onClick={price} data-testid="bundle-price">
              Get the price
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
