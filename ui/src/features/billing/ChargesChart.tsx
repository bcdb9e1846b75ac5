import { Text } from "@mantine/core";
import type { Transaction } from "../../api/bindings";
import { abs, isNegative, money, sum } from "./money";

const W = 900;
const H = 180;
const PAD = { left: 8, right: 8, top: 8, bottom: 22 };

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

/** A small SVG bar chart of what the account was charged per day. */
export function ChargesChart({ transactions }: { transactions: Transaction[] }) {
  const days = dailyCharges(transactions);
  if (days.length < 2) return null;
  // Heights only: the figures shown are the exact totals.
  const max = Math.max(...days.map((d) => Number(d.total)), 0.01);
  const slot = (W - PAD.left - PAD.right) / days.length;
  const bar = Math.max(2, slot * 0.7);
  const label = (i: number) => i === 0 || i === days.length - 1 || i === Math.floor(days.length / 2);
  return (
    <figure style={{ margin: "0 0 8px" }} data-testid="billing-chart">
      <Text size="xs" c="dimmed" mb={4} component="figcaption">
        Charges per day ({days[0].currency}), {days[0].day} to {days[days.length - 1].day}
      </Text>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Charges per day" style={{ maxWidth: W, display: "block" }}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="var(--mantine-color-default-border)" />
        {days.map((d, i) => {
          const h = ((H - PAD.top - PAD.bottom) * Number(d.total)) / max;
          const x = PAD.left + i * slot + (slot - bar) / 2;
          return (
            <g key={d.day}>
              <rect x={x} y={H - PAD.bottom - h} width={bar} height={h} rx={1.5} fill="var(--mantine-primary-color-filled)">
                <title>{`${d.day}: ${money(d.total, d.currency)}`}</title>
              </rect>
              {label(i) && (
                <text x={x + bar / 2} y={H - 6} fontSize={11} textAnchor="middle" fill="var(--mantine-color-dimmed)">
                  {d.day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
