import { Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import type { UsageGraph } from "../../../api/bindings";
import { periodSeconds, TimeChart } from "../../../components/TimeChart";
import { formatUsage } from "../../../lib/format";
import { formatTime, readTime } from "../../../lib/time";

/** "2014-06-10" stays; an hourly sample ("2014-06-10T14:00:00Z") reads in local time. */
function periodLabel(at: string) {
  return readTime(at)?.kind === "instant" ? formatTime(at) : at;
}

/** The graph as the chart takes it: one time per period, one value per period and series. */
export function usageChartData(graph: UsageGraph) {
  const at = graph.series[0]?.points.map((p) => p.at) ?? [];
  return {
    times: at.map(periodSeconds),
    periods: at.map(periodLabel),
    series: graph.series.map((s) => ({ label: s.label, values: at.map((_, i) => s.points[i]?.value ?? null) })),
  };
}

/** One usage graph over time; the legend shows each series' value under the cursor. */
export function UsageChart({ graph }: { graph: UsageGraph }) {
  const data = useMemo(() => usageChartData(graph), [graph]);
  const formatValue = useMemo(() => (v: number) => formatUsage(v, graph.unit), [graph.unit]);
  // Percentages do not add up over periods: those graphs are summarised by their average.
  const average = graph.unit === "percent";
  const summary = average ? "averages" : "totals";
  const totals = graph.series.map((s) => {
    const sum = s.points.reduce((a, p) => a + p.value, 0);
    return `${s.label} ${formatUsage(average ? sum / Math.max(1, s.points.length) : sum, graph.unit)}`;
  });
  return (
    <Stack gap={4} data-testid={`graph-${graph.id}`}>
      <Text fw={500} size="sm">
        {graph.title}
      </Text>
      {data.times.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid={`graph-empty-${graph.id}`}>
          No data for this period yet.
        </Text>
      ) : (
        <TimeChart
          label={`${graph.title}: ${data.times.length} periods, ${summary} ${totals.join(", ")}`}
          times={data.times}
          periods={data.periods}
          series={data.series}
          formatValue={formatValue}
          kind="line"
        />
      )}
      <Text size="xs" c="dimmed">
        {average ? "Averages" : "Totals"}: {totals.join(" · ")}
      </Text>
    </Stack>
  );
}
