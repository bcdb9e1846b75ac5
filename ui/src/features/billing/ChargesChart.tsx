import { Text } from "@mantine/core";
import type { Transaction } from "../../api/bindings";
import { periodOf, TimeBarChart } from "../../components/TimeBarChart";
import { abs, isNegative, money, sum } from "./money";

const W = 900;
const H = 180;

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

/** What the account was charged per day, on a time axis; hovering a day shows its exact total. */
export function ChargesChart({ transactions }: { transactions: Transaction[] }) {
  const days = dailyCharges(transactions);
  if (days.length < 2) return null;
  const currency = days[0].currency;
  // Heights only: the figures shown are the exact totals.
  const series = [
    {
      label: "Charges",
      color: "var(--mantine-primary-color-filled)",
      values: days.map((d) => Number(d.total)),
      texts: days.map((d) => money(d.total, d.currency)),
    },
  ];
  return (
    <figure style={{ margin: "0 0 8px" }} data-testid="billing-chart">
      <Text size="xs" c="dimmed" mb={4} component="figcaption">
        Charges per day ({currency}), {days[0].day} to {days[days.length - 1].day}
      </Text>
      <TimeBarChart
        periods={days.map((d) => periodOf(d.day))}
        series={series}
        width={W}
        height={H}
        formatAxis={(v) => v.toLocaleString("en-US")}
        label="Charges per day"
        testId="billing-chart"
      />
    </figure>
  );
}
