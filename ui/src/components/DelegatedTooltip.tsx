import { Tooltip } from "@mantine/core";
import { useCallback, useEffect, useRef, useState, type FocusEvent, type PointerEvent } from "react";

/**
 * One Mantine Tooltip for a whole region instead of one per button: elements inside the region
 * carry `data-tip="text"`, and the tooltip follows the hovered (or keyboard-focused) one.
 * A virtualized table mounts dozens of rows per scroll step; a Tooltip per action icon made
 * every row several times more expensive to mount.
 */
export function useDelegatedTooltip(openDelay = 300) {
  const [tip, setTip] = useState<{ el: HTMLElement; label: string } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const current = useRef<HTMLElement | null>(null);
  current.current = tip?.el ?? null;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const hide = useCallback(() => {
    window.clearTimeout(timer.current);
    setTip(null);
  }, []);

  const showFor = useCallback((target: EventTarget | null, delay: number) => {
    window.clearTimeout(timer.current);
    const el = target instanceof Element ? target.closest<HTMLElement>("[data-tip]") : null;
    if (!el || !el.dataset.tip) {
      setTip(null);
      return;
    }
    if (el === current.current) return;
    const label = el.dataset.tip;
    timer.current = window.setTimeout(() => setTip({ el, label }), delay);
  }, []);

  const handlers = {
    onPointerOver: (e: PointerEvent) => showFor(e.target, openDelay),
    onPointerLeave: hide,
    onFocus: (e: FocusEvent) => {
      // Keyboard users get the tooltip too; a mouse click focusing a button does not re-show it.
      if (e.target instanceof HTMLElement && e.target.matches(":focus-visible")) showFor(e.target, 0);
    },
    onBlur: hide,
    onScroll: hide,
  };

  const tooltip = tip ? (
    <Tooltip label={tip.label} opened target={tip.el} withArrow multiline maw={320} position="top" />
  ) : null;

  return { handlers, tooltip, hide };
}
