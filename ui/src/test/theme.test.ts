import { DEFAULT_THEME, isLightColor, mergeMantineTheme } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { AA, contrast, over } from "../lib/contrast";
import { cssVariablesResolver, theme } from "../theme";
import frameCss from "../../public/frame.css?raw";

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

describe("the frame index.html paints before the app (public/frame.css)", () => {
  // frame.css cannot import the theme (it is read before any script), so its colors are copies:
  // these keep them equal to what the app then draws, or the window would change color under the user.
  const colorsOf = (block: string | undefined) =>
    Object.fromEntries([...(block ?? "").matchAll(/(--[\w-]+): (#[0-9a-f]+)/gi)].map((m) => [m[1], m[2]]));
  const light = colorsOf(/^\.boot \{([^}]*)\}/m.exec(frameCss)?.[1]);
  const dark = { ...light, ...colorsOf(/prefers-color-scheme: dark\) \{ \.boot \{([^}]*)\}/.exec(frameCss)?.[1]) };
  // One spelling for #rgb, #rrggbb and the resolver's opaque rgba().
  const hex = (color: string) => {
    const rgb = /^rgba?\((\d+), (\d+), (\d+)(, 1)?\)$/.exec(color);
    if (rgb) return "#" + rgb.slice(1, 4).map((c) => Number(c).toString(16).padStart(2, "0")).join("");
    return (color.length === 4 ? "#" + [...color.slice(1)].map((c) => c + c).join("") : color).toLowerCase();
  };
  const same = (a: string | undefined, b: string) => expect(hex(a ?? "missing")).toBe(hex(b));

  it.each(["light", "dark"] as const)("%s: page, text, borders and the active link are the app's", (scheme) => {
    const f = scheme === "light" ? light : dark;
    same(f["--bg"], scheme === "light" ? white : colors.dark[7]);
    same(f["--fg"], scheme === "light" ? black : colors.dark[0]);
    same(f["--line"], scheme === "light" ? colors.gray[3] : colors.dark[4]);
    same(f["--brand"], colors.blue[shade("light")]);
    same(f["--active-fg"], vars[scheme]["--mantine-color-blue-light-color"]);
  });
});
