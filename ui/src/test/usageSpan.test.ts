import { describe, expect, it } from "vitest";
import { spanRange } from "../lib/usageSpan";

const now = new Date("2026-12-05T12:00:00Z");

describe("usage graph spans", () => {
  it("runs a preset up to now and custom days from the first midnight to the one after the last day", () => {
    expect(spanRange({ preset: "7d" }, now)).toEqual({ from: "2026-11-28T12:00:00.000Z", to: null });
    const r = spanRange({ preset: "custom", fromDay: "2026-12-01", toDay: "2026-12-02" }, now);
    expect(r).toEqual({ from: new Date(2026, 11, 1).toISOString(), to: new Date(2026, 11, 3).toISOString() });
  });

  it("names the field of a span it cannot send", () => {
    expect(spanRange({ preset: "custom", fromDay: "", toDay: "2026-12-02" }, now)).toEqual({ field: "from", error: "Choose the first day" });
    expect(spanRange({ preset: "custom", fromDay: "2026-12-03", toDay: "2026-12-02" }, now)).toMatchObject({ field: "to" });
    expect(spanRange({ preset: "custom", fromDay: "2026-12-09", toDay: "2026-12-10" }, now)).toMatchObject({ field: "from" });
    expect(spanRange({ preset: "custom", fromDay: "2026-02-30", toDay: "2026-03-02" }, now)).toMatchObject({ field: "from" });
  });
});
