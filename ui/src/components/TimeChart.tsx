import { Box, useComputedColorScheme, useMantineTheme, VisuallyHidden, type MantineTheme } from "@mantine/core";
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import { timeMs } from "../lib/time";
import "uplot/dist/uPlot.min.css";

export type ChartSeries = {
  label: string;
  values: (number | null)[];
  /** Each point as shown in the legend and the table, where the number is not exact enough (money). */
  text?: string[];
};

type Props = {
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  /** Seconds since the epoch, one per point, ascending. */
  times: number[];
  /** Each point's period as the provider names it ("2014-06-10"), for the legend and the table. */
  periods: string[];
  series: ChartSeries[];
  /** A y value with its unit, on the axis, in the hover legend and in the table. */
  formatValue: (v: number) => string;
  kind: "line" | "bars";
  height?: number;
};

const AXIS_FONT = "11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** A calendar day ("2014-06-10") at local midnight, or an instant, in seconds: uPlot's time axis labels local time. */
export function periodSeconds(at: string): number {
  return timeMs(at) / 1000;
}

function pointText(s: ChartSeries, i: number, formatValue: (v: number) => string): string {
  const v = s.values[i];
  return s.text?.[i] ?? (v == null ? "—" : formatValue(v));
}

/**
 * uPlot, loaded with the first chart. Its module formats numbers in `navigator.language`, which
 * WebKitGTK reports as the POSIX "C" when the session has no locale (LANG unset); Intl refuses
 * that tag, and the module's load would throw. Such a session gets Intl's own default instead.
 */
let library: Promise<typeof uPlot> | null = null;
function loadUPlot(): Promise<typeof uPlot> {
  try {
    new Intl.NumberFormat(navigator.language);
  } catch {
    Object.defineProperty(navigator, "language", { configurable: true, value: new Intl.NumberFormat().resolvedOptions().locale });
  }
  library ??= import("uplot").then((m) => m.default);
  return library;
}

/** Whether this page can draw on a canvas (jsdom, where the tests run, cannot). */
function canvasAvailable(): boolean {
  return document.createElement("canvas").getContext("2d") !== null;
}

type Drawing = Pick<Props, "times" | "periods" | "series" | "kind"> & {
  height: number;
  dark: boolean;
  theme: MantineTheme;
  format: { current: (v: number) => string };
};

function draw(UPlot: typeof uPlot, el: HTMLDivElement, { times, periods, series, kind, height, dark, theme, format }: Drawing): uPlot {
  const text = dark ? theme.colors.dark[1] : theme.colors.gray[7];
  const grid = dark ? theme.colors.dark[4] : theme.colors.gray[3];
  const colors = [theme.colors.blue[6], theme.colors.teal[6], theme.colors.orange[6]];
  const steps = times.slice(1).map((t, i) => t - times[i]);
  // Bars are centred on their period: half a period of room at each end keeps the outer ones whole.
  const pad = kind === "bars" ? Math.min(...steps, 86_400) / 2 : 0;
  const bars = UPlot.paths.bars!({ size: [series.length > 1 ? 0.4 : 0.7, 48], align: 0 });
  const axis = { stroke: text, font: AXIS_FONT, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  // Daily periods get ticks on whole days, not on hours between them.
  const daily = steps.length > 0 && Math.min(...steps) >= 86_400;
  const dayTicks = daily ? { incrs: [1, 2, 7, 14, 28].map((d) => d * 86_400) } : {};
  const options: uPlot.Options = {
    width: el.clientWidth || 600,
    height,
    scales: {
      x: { time: true, range: (_u, min, max) => [min - pad, max + pad] },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      { ...axis, ...dayTicks },
      {
        ...axis,
        values: (_u, splits) => splits.map((v) => format.current(v)),
        // As wide as the longest label ("1,500.00 EUR"), so that none is cut off at the left.
        size: (_u, values) => 16 + 7 * Math.max(4, ...(values ?? []).map((v) => v.length)),
      },
    ],
    cursor: { points: { size: 6 } },
    legend: { live: true },
    series: [
      { label: "Period", value: (_u: uPlot, _t: number, _s: number, i: number | null) => (i == null ? "—" : periods[i]) },
      ...series.map((s, i) => {
        const color = colors[i % colors.length];
        return {
          label: s.label,
          stroke: color,
          fill: kind === "bars" ? color : undefined,
          width: kind === "bars" ? 0 : 2,
          paths: kind === "bars" ? bars : undefined,
          points: { show: kind === "line" },
          value: (_u: uPlot, _v: number, _s: number, i: number | null) => (i == null ? "—" : pointText(s, i, format.current)),
        };
      }),
    ],
  };
  return new UPlot(options, [times, ...series.map((s) => s.values)], el);
}

/**
 * A time series chart on uPlot: a time x axis, a y axis with the values' unit, and a legend that
 * shows the values under the cursor. The canvas is labelled for screen readers and followed by
 * the same numbers as a table, which is also what the tests read.
 */
export function TimeChart({ label, times, periods, series, formatValue, kind, height = 180 }: Props) {
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme("light");
  const plot = useRef<HTMLDivElement>(null);
  // The chart calls the formatter on every hover: it reads the latest one rather than being
  // rebuilt for each new function the parent passes.
  const format = useRef(formatValue);
  useEffect(() => {
    format.current = formatValue;
  }, [formatValue]);

  useEffect(() => {
    const el = plot.current;
    if (!el || times.length === 0 || !canvasAvailable()) return;
    let chart: uPlot | null = null;
    let resize: ResizeObserver | null = null;
    let gone = false;
    void loadUPlot().then((UPlot) => {
      if (gone) return;
      chart = draw(UPlot, el, { times, periods, series, kind, height, dark: scheme === "dark", theme, format });
      resize = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height }));
      resize.observe(el);
    });
    return () => {
      gone = true;
      resize?.disconnect();
      chart?.destroy();
    };
  }, [times, periods, series, kind, height, scheme, theme]);


  return (
    <Box style={{ color: "var(--mantine-color-text)" }}>
      <div ref={plot} role="img" aria-label={label} style={{ width: "100%" }} />
      <VisuallyHidden>
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((t, i) => (
              <tr key={t}>
                <th scope="row">{periods[i]}</th>
                {series.map((s) => (
                  <td key={s.label}>{pointText(s, i, formatValue)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
}
