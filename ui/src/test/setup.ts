import "@testing-library/jest-dom/vitest";
import { notifications } from "@mantine/notifications";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { uninstallMockBackend } from "../api/mockBackend";

// A lazily loaded page is transformed by vite on its first import, which can take seconds when
// other builds share the machine: findBy* waits up to 5 s instead of 1 s, the tests stay the same.
configure({ asyncUtilTimeout: 5000 });

// --- jsdom gaps that Mantine and TanStack Virtual need ---------------------------------------

Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
// jsdom has no canvas (its getContext only logs "not implemented"): charts then draw nothing and
// show their numbers as a table, which is what the tests read.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
Element.prototype.scrollIntoView = vi.fn();
Element.prototype.scrollTo = vi.fn() as unknown as typeof Element.prototype.scrollTo;

// jsdom lays nothing out, so every element measures 0 and the virtualizer would render no row.
// Give elements a viewport-sized box: the servers table then renders 800 / 34 ≈ 24 rows + overscan.
export const VIEWPORT = { width: 1280, height: 800 };
Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => VIEWPORT.height });
Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => VIEWPORT.width });
Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get: () => 34 });
Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => VIEWPORT.width });

// --- isolation between tests ---------------------------------------------------------------------

beforeEach(() => {
  window.localStorage.clear();
  window.location.hash = "";
});

afterEach(() => {
  cleanup();
  notifications.clean();
  uninstallMockBackend();
});
