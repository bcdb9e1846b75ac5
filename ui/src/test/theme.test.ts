import { DEFAULT_THEME, isLightColor, mergeMantineTheme } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { AA, contrast, over } from "../lib/contrast";
import { cssVariablesResolver, theme } from "../theme";

// The same figures axe-core checks in the built app (tests/e2e/test_accessibility.py), for every
// color of the palette rather than the ones the demo data happens to show.
const full = mergeMantineTheme(DEFAULT_THEME, theme);
const vars = cssVariablesResolver(full);
const { colors, white, black } = full;
const shade = (scheme: "light" | "dark") => (typeof full.primaryShade === "object" ? full.primaryShade[scheme] : full.primaryShade);

describe("theme contrast (WCAG AA)", () => {
  it.each(Object.keys(colors))("%s: text and light-variant text reach 4.5:1 on the hovered light tint over a hovered row", (name) => {
    // Mantine's hovered light tint (0.12 light, 0.2 dark) over a hovered row.
    const light = over(colors[name][shade("light")], 0.12, colors.gray[0]);
    const dark = over(colors[name][shade("dark") - 2], 0.2, colors.dark[5]);
    expect(contrast(vars.light[`--mantine-color-${name}-light-color`], light)).toBeGreaterThanOrEqual(AA);
    expect(contrast(vars.light[`--mantine-color-${name}-text`], white)).toBeGreaterThanOrEqual(AA);
    expect(contrast(vars.dark[`--mantine-color-${name}-light-color`], dark)).toBeGreaterThanOrEqual(AA);
    expect(contrast(vars.dark[`--mantine-color-${name}-text`], colors.dark[7])).toBeGreaterThanOrEqual(AA);
  });

  it.each(Object.keys(colors))("%s: a filled control's text (black or white, by luminance) reaches 4.5:1", (name) => {
    for (const scheme of ["light", "dark"] as const) {
      const fill = colors[name][shade(scheme)];
      const text = isLightColor(fill, full.luminanceThreshold) ? black : white;
      expect(contrast(text, fill)).toBeGreaterThanOrEqual(AA);
    }
  });

  it("dimmed text reaches 4.5:1 on a gray alert (light) and a hovered row (dark)", () => {
    expect(contrast(vars.light["--mantine-color-dimmed"], over(colors.gray[9], 0.1, white))).toBeGreaterThanOrEqual(AA);
    expect(contrast(vars.dark["--mantine-color-dimmed"], colors.dark[5])).toBeGreaterThanOrEqual(AA);
  });
});
