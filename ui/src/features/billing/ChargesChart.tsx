import { Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useDailyCharges } from "../../api/billing";
import type { DailyCharge, Transaction } from "../../api/bindings";
import { periodSeconds, TimeChart } from "../../components/TimeChart";
import { money } from "./money";

/** One currency's charges per day, as the chart draws them (heights as numbers, the figures exact). */
export function chargeSeries(days: DailyCharge[]) {
  const byCurrency = new Map<string, { day: string; total: string }[]>();
  for (const d of days) byCurrency.set(d.currency, [...(byCurrency.get(d.currency) ?? []), d]);
  return [...byCurrency].map(([currency, list]) => ({
    currency,
    from: list[0].day,
    to: list[list.length - 1].day,
    times: list.map((d) => periodSeconds(d.day)),
    periods: list.map((d) => d.day),
    series: [{ label: "Charged", values: list.map((d) => Number(d.total)), text: list.map((d) => money(d.total, currency)) }],
  }));
}

/** What the account was charged per day, a bar chart per currency (currencies are never added up). */
export function ChargesChart({ transactions }: { transactions: Transaction[] }) {
  const query = useDailyCharges(transactions);
  // Without a transaction there is nothing to chart, whatever an earlier answer said.
  const days = transactions.length > 0 ? query.data : undefined;
  const charts = useMemo(() => chargeSeries(days ?? []).filter((c) => c.times.length >= 2), [days]);
  if (transactions.length > 0 && query.isError) {
    return (
      <Text size="xs" c="red" data-testid="billing-chart-error">
        The charges per day could not be computed: {query.error.message}
      </Text>
    );
  }
  if (charts.length === 0) return null;
  return (
    <figure style={{ margin: "0 0 8px" }} data-testid="billing-chart">
      {charts.map((c) => (
        <Stack key={c.currency} gap={4}>
          <Text size="xs" c="dimmed" component="figcaption">
            Charges per day ({c.currency}), {c.from} to {c.to}
          </Text>
          <TimeChart
            label={`Charges per day in ${c.currency}`}
            times={c.times}
            series={c.series}
            periods={c.periods}
            formatValue={(v) => money(v.toFixed(2), c.currency)}
            kind="bars"
          />
        </Stack>
      ))}
    </figure>
  );
}
