import { createTheme } from "@mantine/core";

/** Calm and dense: system fonts (no web fonts: strict CSP, offline app), small radius, sm controls. */
export const theme = createTheme({
  primaryColor: "blue",
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
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.4, blur: 1 } } },
    Alert: { defaultProps: { radius: "sm" } },
  },
});
