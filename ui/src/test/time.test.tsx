import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { formatTime, readTime, timeMs } from "../lib/time";
import { Time } from "../components/Time";
import { renderWithProviders } from "./render";

// What core/src/time.rs sends: RFC 3339 in UTC, a day, or the provider's text it could not read.
describe("provider times", () => {
  it("reads an instant as UTC and a day as local midnight", () => {
    expect(readTime("2009-04-16T12:17:39Z")).toEqual({ kind: "instant", ms: Date.UTC(2009, 3, 16, 12, 17, 39) });
    expect(readTime("2015-02-21T00:26:55.068Z")).toEqual({ kind: "instant", ms: Date.UTC(2015, 1, 21, 0, 26, 55, 68) });
    expect(readTime("2010-09-11")).toEqual({ kind: "day", ms: new Date(2010, 8, 11).getTime() });
    expect(readTime(null)).toBeNull();
    expect(readTime("")).toBeNull();
  });

  it("keeps what it cannot read, with a note, and sorts it before real times", () => {
    expect(readTime("yesterday")).toEqual({ kind: "unread", text: "yesterday" });
    expect(formatTime("yesterday")).toBe("yesterday (as sent: not a time vpsdesk could read)");
    expect(formatTime(null)).toBe("—");
    const sorted = ["2014-06-10T00:00:00Z", "yesterday", "2013-01-01T00:00:00Z"].sort((a, b) => timeMs(a) - timeMs(b));
    expect(sorted).toEqual(["yesterday", "2013-01-01T00:00:00Z", "2014-06-10T00:00:00Z"]);
  });

  it("sorts by the instant, not the text", () => {
    // A fraction of a second sorts after the whole second, where text order would put it first.
    expect(timeMs("2015-02-21T00:26:55.068Z")).toBeGreaterThan(timeMs("2015-02-21T00:26:55Z"));
  });

  it("shows local time with the UTC instant on hover, and unread text marked", () => {
    renderWithProviders(
      <>
        <Time value="2009-04-16T12:17:39Z" />
        <Time value="soon" />
      </>,
    );
    const shown = screen.getByText(formatTime("2009-04-16T12:17:39Z"));
    expect(shown.tagName).toBe("TIME");
    expect(shown).toHaveAttribute("datetime", "2009-04-16T12:17:39Z");
    expect(shown).toHaveAttribute("title", "2009-04-16T12:17:39Z (UTC)");
    expect(screen.getByTestId("time-unread")).toHaveTextContent("soon (as sent)");
  });
});
