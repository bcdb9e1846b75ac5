import { Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import type { Transaction } from "../../api/bindings";
import { periodSeconds, TimeChart } from "../../components/TimeChart";
import { abs, isNegative, money, sum } from "./money";

/** Charges (negative transactions) summed per day, exactly; payments are left out. */
export function dailyCharges(list: Transaction[]): { day: string; total: string; currency: string }[] {
  const days = new Map<string, { amounts: string[]; currency: string }>();
  for (const t of list) {
    if (!isNegative(t.amount)) continue;
    const day = t.date.slice(0, 10);
    const d = days.get(day) ?? { amounts: [], currency: t.currency };
    d.amounts.push(abs(t.amount));
    days.set(day, d);
  }
  return [...days]
    .map(([day, d]) => ({ day, total: sum(d.amounts), currency: d.currency }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** One currency's charges per day, as the chart draws them (heights as numbers, the figures exact). */
export function chargeSeries(days: { day: string; total: string; currency: string }[]) {
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
  const charts = useMemo(() => chargeSeries(dailyCharges(transactions)).filter((c) => c.times.length >= 2), [transactions]);
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
