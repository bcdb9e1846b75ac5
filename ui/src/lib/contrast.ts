/**
 * WCAG 2 contrast arithmetic for the theme: text colors are derived from Mantine's palette and
 * moved just far enough from their background to reach AA, so both schemes pass by construction.
 */
import { darken, lighten, luminance, toRgba } from "@mantine/core";

/** WCAG AA for normal text. */
export const AA = 4.5;

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` at `opacity` over an opaque `background`, as the eye sees it (Mantine's light tints). */
export function over(color: string, opacity: number, background: string): string {
  const fg = toRgba(color);
  const bg = toRgba(background);
  const mix = (f: number, b: number) => Math.round(f * opacity + b * (1 - opacity));
  return `rgb(${mix(fg.r, bg.r)}, ${mix(fg.g, bg.g)}, ${mix(fg.b, bg.b)})`;
}

/** `color` itself if it reaches `ratio` on `background`, else darkened (light background) or
 *  lightened (dark background) in small steps until it does: the nearest readable shade. */
export function readableOn(color: string, background: string, ratio = AA): string {
  const toward = luminance(background) > 0.179 ? darken : lighten;
  for (let step = 0; step <= 20; step++) {
    const candidate = step === 0 ? color : toward(color, step * 0.05);
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return toward(color, 1);
}
