import { createTheme, getPrimaryShade, type CSSVariablesResolver, type MantineColorsTuple, type MantineTheme } from "@mantine/core";
import { over, readableOn } from "./lib/contrast";

/** Calm and dense: system fonts (no web fonts: strict CSP, offline app), small radius, sm controls. */
export const theme = createTheme({
  primaryColor: "blue",
  // Shade 9 of every color, where Mantine uses 6 (light) and 8 (dark): white on blue-6 is 3.6:1,
  // under WCAG AA's 4.5:1; on blue-9 it is 6.1:1.
  primaryShade: { light: 9, dark: 9 },
  // Filled colors pick black or white text by luminance at the point where both contrast equally
  // (0.179), so whichever is picked reaches 4.5:1 (green and orange take black).
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: "sm",
  cursorType: "pointer",
  fontFamily:
    "system-ui, -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
  headings: { fontWeight: "650" },
  components: {
    // Closed Selects keep no hidden listbox in the DOM: an option text is then unique to the open
    // dropdown, which keeps WebDriver lookups like //*[@role='option'][.='Vultr'] unambiguous.
    Combobox: { defaultProps: { keepMounted: false } },
    Tooltip: { defaultProps: { openDelay: 250, withArrow: true, multiline: true, maw: 320 } },
    // Mantine's close buttons are an icon alone: they need a name (WCAG 4.1.2).
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.4, blur: 1 }, closeButtonProps: { "aria-label": "Close" } } },
    Drawer: { defaultProps: { closeButtonProps: { "aria-label": "Close" } } },
    Notification: { defaultProps: { closeButtonProps: { "aria-label": "Dismiss" } } },
    // Mantine puts an empty focusable div first in a menu (role="menu" may hold only menu items);
    // without it an opened menu focuses its first item, where the arrow keys start anyway.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    Alert: { defaultProps: { radius: "sm" } },
    // A link inside a sentence must not be told apart by its color alone (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: "always" } },
  },
});

/**
 * Where Mantine takes each color's text (`c="red"`, outline and light variants) and the light
 * variant's tint from, for primary shade `p` (its get-css-color-variables). The tint is taken at its
 * hovered strength (a light button under the pointer) and laid over the surface furthest from the
 * text that it sits on: a hovered table row (gray-0 light, dark-5 dark; gray-1 for margin).
 */
const SCHEMES = {
  light: { text: (p: number) => p, tint: (s: MantineColorsTuple, p: number, t: MantineTheme) => over(s[p], 0.12, t.colors.gray[1]) },
  dark: {
    text: (p: number) => Math.max(p - 5, 0),
    tint: (s: MantineColorsTuple, p: number, t: MantineTheme) => over(s[Math.max(p - 2, 0)], 0.2, t.colors.dark[5]),
  },
};

/**
 * Text colors Mantine derives from the palette, moved to AA where they fall short (MantineProvider
 * merges these over its own variables):
 * - dimmed text (gray-6 on white is 3.3:1; dark-2 on dark-7 is 4.0:1), measured on the grayest
 *   surface it sits on: a gray light alert (light), a hovered row or default control (dark);
 * - each color's text, outline and light-variant text (light: shade 9 on its own 10% tint, green
 *   3.9:1; dark: violet-4 on its tint 4.1:1), measured on that tint over a hovered row, which is
 *   further from the text than the page is.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const [light, dark] = (["light", "dark"] as const).map((scheme) => {
    const p = getPrimaryShade(t, scheme);
    const vars: Record<string, string> = {};
    for (const [name, shades] of Object.entries(t.colors)) {
      const text = readableOn(shades[SCHEMES[scheme].text(p)], SCHEMES[scheme].tint(shades, p, t));
      vars[`--mantine-color-${name}-text`] = text;
      vars[`--mantine-color-${name}-light-color`] = text;
      vars[`--mantine-color-${name}-outline`] = text;
    }
    return vars;
  });
  light["--mantine-color-dimmed"] = readableOn(t.colors.gray[6], over(t.colors.gray[9], 0.1, t.white));
  dark["--mantine-color-dimmed"] = readableOn(t.colors.dark[2], t.colors.dark[5]);
  return { variables: {}, light, dark };
};
