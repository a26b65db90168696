/**
 * Counts renders of canvas nodes for the canvas benchmark. It is active only when the page URL has
 * a `bench` query parameter, so normal use pays one boolean check per render.
 */
declare global {
  interface Window {
    /** Render count per node id, present only with `?bench`. */
    __scopeflowRenders?: Record<string, number>;
  }
}

const enabled = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench');
if (enabled) window.__scopeflowRenders = {};

export function countRender(id: string): void {
  if (!enabled) return;
  const counts = window.__scopeflowRenders!;
  counts[id] = (counts[id] ?? 0) + 1;
}
