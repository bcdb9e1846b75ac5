import { DEFAULT_THEME, MantineProvider } from "@mantine/core";
import { render, screen, waitFor } from "@testing-library/react";
import type uPlot from "uplot";
import { afterEach, describe, expect, it, vi } from "vitest";
import { periodSeconds, TimeChart } from "../components/TimeChart";
import { chargeSeries } from "../features/billing/ChargesChart";
import { usageChartData } from "../features/servers/tabs/UsageChart";
import { theme } from "../theme";
import { formatTime } from "../lib/time";

// jsdom cannot draw: record what the chart would be built with, as the webview would receive it.
const built = vi.hoisted(() => ({ charts: [] as { options: uPlot.Options; data: uPlot.AlignedData; destroyed: boolean }[] }));
vi.mock("uplot", () => {
  class FakePlot {
    static paths = { bars: () => () => null };
    entry: (typeof built.charts)[number];
    constructor(options: uPlot.Options, data: uPlot.AlignedData) {
      this.entry = { options, data, destroyed: false };
      built.charts.push(this.entry);
    }
    setSize() {}
    destroy() {
      this.entry.destroyed = true;
    }
  }
  return { default: FakePlot };
});

function withCanvas() {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue({} as CanvasRenderingContext2D);
}

afterEach(() => {
  built.charts.length = 0;
  vi.restoreAllMocks();
});

const mib = (v: number) => `${v} MiB`;

function chart(scheme: "light" | "dark") {
  return render(
    <MantineProvider theme={theme} forceColorScheme={scheme} env="test">
      <TimeChart
        label="Bandwidth per day"
        times={[periodSeconds("2014-06-10"), periodSeconds("2014-06-11")]}
        periods={["2014-06-10", "2014-06-11"]}
        series={[{ label: "Incoming", values: [1, 2] }]}
        formatValue={mib}
        kind="line"
      />
    </MantineProvider>,
  );
}

describe("the time chart", () => {
  it("reads calendar days as local midnights and timestamps as instants", () => {
    expect(periodSeconds("2014-06-10")).toBe(new Date(2014, 5, 10).getTime() / 1000);
    expect(periodSeconds("2014-06-10T14:00:00Z")).toBe(Date.UTC(2014, 5, 10, 14) / 1000);
  });

  it("builds a uPlot chart with a time x axis, values with their unit on the y axis and in the hover legend, and the theme's colours", async () => {
    withCanvas();
    const { unmount } = chart("light");
    await waitFor(() => expect(built.charts).toHaveLength(1));
    const { options, data } = built.charts[0];
    expect(options.scales?.x?.time).toBe(true);
    expect(data).toEqual([[periodSeconds("2014-06-10"), periodSeconds("2014-06-11")], [1, 2]]);
    const yTicks = options.axes![1].values as (u: uPlot, splits: number[]) => string[];
    expect(yTicks({} as uPlot, [0, 1.5])).toEqual(["0 MiB", "1.5 MiB"]);
    expect(options.legend?.live).toBe(true);
    const [x, incoming] = options.series.map((s) => s.value as (u: uPlot, v: number, s: number, i: number | null) => string);
    expect(x({} as uPlot, 0, 0, 1), "the legend names the hovered period").toBe("2014-06-11");
    expect(incoming({} as uPlot, 2, 1, 1), "and the series' value there").toBe("2 MiB");
    expect(options.series[1].stroke).toBe(DEFAULT_THEME.colors.blue[6]);
    expect(options.axes![0].stroke).toBe(DEFAULT_THEME.colors.gray[7]);
    unmount();
    expect(built.charts[0].destroyed).toBe(true);

    chart("dark");
    await waitFor(() => expect(built.charts).toHaveLength(2));
    expect(built.charts[1].options.axes![0].stroke, "axis text follows the dark scheme").toBe(DEFAULT_THEME.colors.dark[1]);
  });

  it("draws in a session without a locale, where WebKitGTK names the language \"C\" (uPlot's number format would throw on load)", async () => {
    withCanvas();
    Object.defineProperty(navigator, "language", { configurable: true, value: "C" });
    expect(() => new Intl.NumberFormat(navigator.language)).toThrow(RangeError);
    try {
      chart("light");
      await waitFor(() => expect(built.charts).toHaveLength(1));
      expect(() => new Intl.NumberFormat(navigator.language)).not.toThrow();
    } finally {
      delete (navigator as { language?: string }).language;
    }
  });

  it("without a canvas, draws nothing and still gives its numbers as a labelled table", async () => {
    chart("light");
    await new Promise((r) => setTimeout(r, 20));
    expect(built.charts).toHaveLength(0);
    expect(screen.getByRole("img")).toHaveAccessibleName("Bandwidth per day");
    expect(screen.getByRole("table", { name: "Bandwidth per day" })).toHaveTextContent("2014-06-112 MiB");
  });
});

describe("chart data", () => {
  it("names hourly samples by day and hour, and leaves a missing point empty", () => {
    const data = usageChartData({
      id: "cpu",
      title: "CPU",
      unit: "percent",
      series: [
        { label: "Used", points: [{ at: "2014-06-10T14:00:00Z", value: 5 }, { at: "2014-06-10T15:00:00Z", value: 7 }] },
        { label: "Steal", points: [{ at: "2014-06-10T14:00:00Z", value: 1 }] },
      ],
    });
    expect(data.periods, "in local time").toEqual([formatTime("2014-06-10T14:00:00Z"), formatTime("2014-06-10T15:00:00Z")]);
    expect(data.times[1] - data.times[0]).toBe(3600);
    expect(data.series.map((s) => s.values)).toEqual([[5, 7], [1, null]]);
  });

  it("charts each currency on its own, with the exact totals as the legend's text", () => {
    const charts = chargeSeries([
      { day: "2010-02-23", total: "20.10", currency: "EUR" },
      { day: "2010-02-23", total: "3.00", currency: "USD" },
      { day: "2010-02-24", total: "30.25", currency: "EUR" },
    ]);
    expect(charts.map((c) => [c.currency, c.periods, c.series[0].text])).toEqual([
      ["EUR", ["2010-02-23", "2010-02-24"], ["20.10 EUR", "30.25 EUR"]],
      ["USD", ["2010-02-23"], ["3.00 USD"]],
    ]);
  });
});
