import { Paper, Text } from "@mantine/core";
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear, scaleUtc } from "@visx/scale";
import { Bar } from "@visx/shape";
import { useState, type MouseEvent } from "react";

/** One period on the time axis: when it starts, its full name (hover) and its short name (axis). */
export type Period = { at: Date; name: string; tick: string };
/** One bar per period; `texts` are the exact figures shown on hover (the bar height is only a sketch). */
export type BarSeries = { label: string; color: string; values: number[]; texts: string[] };

type Props = {
  periods: Period[];
  series: BarSeries[];
  width: number;
  height: number;
  /** The value axis' labels. */
  formatAxis: (value: number) => string;
  /** What a screen reader hears for the whole chart. */
  label: string;
  testId: string;
};

const MARGIN = { left: 64, right: 12, top: 8, bottom: 24 };
const MAX_TICKS = 6;
const DAY_MS = 86_400_000;

/**
 * Bars over a time axis (grouped when there are several series), with the value of every series at
 * the period under the pointer. Periods are placed by time, so a gap in the data is a gap on the axis.
 */
export function TimeBarChart({ periods, series, width, height, formatAxis, label, testId }: Props) {
  const [hover, setHover] = useState<{ period: number; left: number; top: number; boxWidth: number } | null>(null);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const times = periods.map((p) => p.at.getTime());
  // The data's own spacing (a day, an hour): the smallest gap between two periods.
  const step = times.slice(1).reduce((s, t, i) => Math.min(s, t - times[i]), times.length > 1 ? Infinity : DAY_MS);
  const x = scaleUtc({ domain: [times[0] - step / 2, times[times.length - 1] + step / 2], range: [0, innerW] });
  const max = Math.max(...series.flatMap((s) => s.values), 0);
  const y = scaleLinear({ domain: [0, max > 0 ? max : 1], range: [innerH, 0], nice: true });
  const slot = x(times[0] + step) - x(times[0]);
  const bar = Math.max(1, (slot * 0.8) / series.length);
  const every = Math.ceil(periods.length / MAX_TICKS);
  const tickValues = periods.filter((_, i) => i % every === 0).map((p) => p.at);
  const tickName = new Map(periods.map((p) => [p.at.getTime(), p.tick]));

  const onMove = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const left = event.clientX - box.left;
    // The svg is drawn scaled to its box: back to chart units, to the pointer's time, to the nearest period.
    const units = box.width > 0 ? width / box.width : 1;
    const t = x.invert(left * units - MARGIN.left).getTime();
    let nearest = 0;
    times.forEach((at, i) => {
      if (Math.abs(at - t) < Math.abs(times[nearest] - t)) nearest = i;
    });
    setHover({ period: nearest, left, top: event.clientY - box.top, boxWidth: box.width });
  };

  const hovered = hover?.period ?? null;
  return (
    <div style={{ position: "relative" }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={label}
        style={{ maxWidth: width, display: "block" }}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      >
        <Group left={MARGIN.left} top={MARGIN.top}>
          {periods.map((p, i) => {
            const left = x(p.at) - (bar * series.length) / 2;
            return series.map((s, j) => {
              const top = y(s.values[i] ?? 0);
              return (
                <Bar
                  key={`${p.name}-${s.label}`}
                  x={left + j * bar}
                  y={top}
                  width={Math.max(1, bar - 1)}
                  height={innerH - top}
                  rx={1}
                  fill={s.color}
                  opacity={hovered === null || hovered === i ? 1 : 0.55}
                >
                  <title>{`${p.name} ${s.label}: ${s.texts[i]}`}</title>
                </Bar>
              );
            });
          })}
          <AxisLeft
            scale={y}
            numTicks={3}
            tickFormat={(v) => formatAxis(Number(v))}
            stroke="var(--mantine-color-default-border)"
            tickStroke="var(--mantine-color-default-border)"
            tickLabelProps={{ fill: "var(--mantine-color-dimmed)", fontSize: 10 }}
          />
          <AxisBottom
            top={innerH}
            scale={x}
            tickValues={tickValues}
            tickFormat={(d) => tickName.get((d as Date).getTime()) ?? ""}
            stroke="var(--mantine-color-default-border)"
            tickStroke="var(--mantine-color-default-border)"
            tickLabelProps={{ fill: "var(--mantine-color-dimmed)", fontSize: 10 }}
          />
        </Group>
      </svg>
      {hover && (
        <Paper
          withBorder
          shadow="sm"
          px="xs"
          py={4}
          style={{
            position: "absolute",
            top: hover.top + 12,
            // On the pointer's inner side, so that it never runs off the chart's edge.
            ...(hover.left > hover.boxWidth / 2 ? { right: hover.boxWidth - hover.left + 12 } : { left: hover.left + 12 }),
            pointerEvents: "none",
            whiteSpace: "nowrap",
            zIndex: 1,
          }}
          data-testid={`${testId}-hover`}
        >
          <Text size="xs" fw={600}>
            {periods[hover.period].name}
          </Text>
          {series.map((s) => (
            <Text key={s.label} size="xs">
              <span style={{ color: s.color }} aria-hidden>
                ■
              </span>{" "}
              {s.label}: {s.texts[hover.period]}
            </Text>
          ))}
        </Paper>
      )}
    </div>
  );
}

/** A day ("2014-06-10") or a timestamp with its offset, as the time the period starts. */
export function periodOf(at: string): Period {
  const daily = !at.includes("T");
  return {
    at: new Date(daily ? `${at}T00:00:00Z` : at),
    name: daily ? at : `${at.slice(0, 10)} ${at.slice(11, 16)}`,
    tick: daily ? at.slice(5) : at.slice(11, 16),
  };
}
