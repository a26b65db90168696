/**
 * Hooks for the canvas benchmark (bench/canvas.bench.ts), installed only when the page URL has a
 * `bench` query parameter: `window.__scopeflowBench.open(doc)` opens a generated document.
 */
import type { ModelDocument } from '../graph/types';
import { documentStore } from '../store/document';

declare global {
  interface Window {
    __scopeflowBench?: { open(doc: ModelDocument): void };
  }
}

export function installBenchHooks(): void {
  if (!new URLSearchParams(window.location.search).has('bench')) return;
  window.__scopeflowBench = {
    open(doc) {
      documentStore.getState().openDocument('bench', doc);
    },
  };
}
