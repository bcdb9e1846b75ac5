import { Group, Stack, Text } from "@mantine/core";
import type { UsageGraph } from "../../api/bindings";
import { periodOf, TimeBarChart } from "../../components/TimeBarChart";
import { formatUsage } from "./format";

const COLORS = ["var(--mantine-color-blue-6)", "var(--mantine-color-teal-6)", "var(--mantine-color-orange-6)"];
const HEIGHT = 196;

/** Grouped bars, one group per period and one bar per series, with every series' value on hover. */
export function BarChart({ graph }: { graph: UsageGraph }) {
  const periods = (graph.series[0]?.points ?? []).map((p) => periodOf(p.at));
  // Percentages do not add up over periods: those graphs are summarised by their average.
  const average = graph.unit === "percent";
  const summary = average ? "averages" : "totals";
  const totals = graph.series.map((s) => {
    const sum = s.points.reduce((a, p) => a + p.value, 0);
    return `${s.label} ${formatUsage(average ? sum / Math.max(1, s.points.length) : sum, graph.unit)}`;
  });
  const series = graph.series.map((s, i) => ({
    label: s.label,
    color: COLORS[i % COLORS.length],
    values: periods.map((_, j) => s.points[j]?.value ?? 0),
    texts: periods.map((_, j) => formatUsage(s.points[j]?.value ?? 0, graph.unit)),
  }));
  return (
    <Stack gap={4} data-testid={`graph-${graph.id}`}>
      <Group justify="space-between">
        <Text fw={500} size="sm">
          {graph.title}
        </Text>
        <Group gap="sm">
          {graph.series.map((s, i) => (
            <Group key={s.label} gap={4}>
              <span style={{ width: 10, height: 10, borderRadius: 2, background: COLORS[i % COLORS.length] }} aria-hidden />
              <Text size="xs" c="dimmed">
                {s.label}
              </Text>
            </Group>
          ))}
        </Group>
      </Group>
      {periods.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid={`graph-empty-${graph.id}`}>
          No data for this period yet.
        </Text>
      ) : (
        <TimeBarChart
          periods={periods}
          series={series}
          width={640}
          height={HEIGHT}
          formatAxis={(v) => formatUsage(v, graph.unit)}
          label={`${graph.title}: ${periods.length} periods, ${summary} ${totals.join(", ")}`}
          testId={`graph-${graph.id}`}
        />
      )}
      <Text size="xs" c="dimmed">
        {average ? "Averages" : "Totals"}: {totals.join(" · ")}
      </Text>
    </Stack>
  );
}
