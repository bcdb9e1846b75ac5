import { Group, Stack, Text } from "@mantine/core";
import type { UsageGraph } from "../../../api/bindings";
import { formatUsage } from "../../../lib/format";

const COLORS = ["var(--mantine-color-blue-6)", "var(--mantine-color-teal-6)", "var(--mantine-color-orange-6)"];
const HEIGHT = 160;
const AXIS = 64;

/** "2014-06-10" -> "06-10"; a timestamp ("2014-06-10T14:00:00+00:00", hourly samples) -> "14:00". */
function periodLabel(at: string) {
  return at.includes("T") ? at.slice(11, 16) : at.slice(5);
}

/**
 * Grouped bars, one group per period and one bar per series. Plain SVG: no chart library for one
 * small graph. Every bar has a <title> with its value; the figure's label summarises it.
 */
export function BarChart({ graph }: { graph: UsageGraph }) {
  const periods = graph.series[0]?.points.map((p) => p.at) ?? [];
  const max = Math.max(1, ...graph.series.flatMap((s) => s.points.map((p) => p.value)));
  const groupWidth = 12 * graph.series.length + 10;
  const width = AXIS + periods.length * groupWidth;
  // Percentages do not add up over periods: those graphs are summarised by their average.
  const average = graph.unit === "percent";
  const summary = average ? "averages" : "totals";
  const totals = graph.series.map((s) => {
    const sum = s.points.reduce((a, p) => a + p.value, 0);
    return `${s.label} ${formatUsage(average ? sum / Math.max(1, s.points.length) : sum, graph.unit)}`;
  });
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
        <div style={{ overflowX: "auto" }}>
          <svg
            width={width}
            height={HEIGHT + 36}
            role="img"
            aria-label={`${graph.title}: ${periods.length} periods, ${summary} ${totals.join(", ")}`}
            style={{ display: "block" }}
          >
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line x1={AXIS - 4} x2={width} y1={HEIGHT - f * HEIGHT + 4} y2={HEIGHT - f * HEIGHT + 4} stroke="var(--mantine-color-default-border)" />
                <text x={AXIS - 8} y={HEIGHT - f * HEIGHT + 8} textAnchor="end" fontSize={10} fill="var(--mantine-color-dimmed)">
                  {formatUsage(max * f, graph.unit)}
                </text>
              </g>
            ))}
            {periods.map((at, i) => (
              <g key={at} transform={`translate(${AXIS + i * groupWidth}, 0)`}>
                {graph.series.map((s, j) => {
                  const v = s.points[i]?.value ?? 0;
                  const h = (v / max) * HEIGHT;
                  return (
                    <rect key={s.label} x={j * 12} y={HEIGHT - h + 4} width={10} height={h} fill={COLORS[j % COLORS.length]} rx={1}>
                      <title>{`${at} ${s.label}: ${formatUsage(v, graph.unit)}`}</title>
                    </rect>
                  );
                })}
                <text x={(groupWidth - 10) / 2} y={HEIGHT + 20} textAnchor="middle" fontSize={10} fill="var(--mantine-color-dimmed)">
                  {periodLabel(at)}
                </text>
              </g>
            ))}
          </svg>
        </div>
      )}
      <Text size="xs" c="dimmed">
        {average ? "Averages" : "Totals"}: {totals.join(" · ")}
      </Text>
    </Stack>
  );
}
