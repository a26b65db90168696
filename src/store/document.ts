/**
 * The app's document store and its React hooks. The document opens on the default template; the
 * sharing code replaces it with `openDocument` (autosave, the documents list, shared links).
 */
import { useStore } from 'zustand';
import { analyze } from '../graph/analyze';
import { getTemplate } from '../graph/templates';
import type { DocNode } from '../graph/types';
import { createDocumentStore, type DocumentState } from './documentStore';

export type { DocumentState } from './documentStore';

export const documentStore = createDocumentStore(analyze, 'default', getTemplate('default'));

/** Subscribes a component to one slice of the document store. */
export function useDocument<T>(selector: (state: DocumentState) => T): T {
  return useStore(documentStore, selector);
}

// Selectors, defined once so that subscriptions compare stable functions and values.
export const selectDoc = (state: DocumentState) => state.doc;
export const selectDocId = (state: DocumentState) => state.docId;
export const selectNodes = (state: DocumentState) => state.doc.nodes;
export const selectEdges = (state: DocumentState) => state.doc.edges;
export const selectTraining = (state: DocumentState) => state.doc.training;
export const selectTitle = (state: DocumentState) => state.doc.title;
export const selectAnalysis = (state: DocumentState) => state.analysis;
export const selectDiagnostics = (state: DocumentState) => state.analysis.diagnostics;
export const selectCanUndo = (state: DocumentState) => state.history.undo.length > 0;
export const selectCanRedo = (state: DocumentState) => state.history.redo.length > 0;

const indexCache = new WeakMap<readonly DocNode[], ReadonlyMap<string, DocNode>>();

/** Returns an id → node map of a node array, built once per array. */
export function nodeIndexOf(nodes: readonly DocNode[]): ReadonlyMap<string, DocNode> {
  let index = indexCache.get(nodes);
  if (!index) {
    index = new Map(nodes.map((node) => [node.id, node]));
    indexCache.set(nodes, index);
  }
  return index;
}

/** Selector factory for one node by id; the result keeps its identity until that node changes. */
export const selectNodeById = (id: string) => (state: DocumentState) => nodeIndexOf(state.doc.nodes).get(id);
/** Selector factory for one node's derived info (op path, shapes, diagnostics). */
export const selectNodeInfo = (id: string) => (state: DocumentState) => state.analysis.nodes[id];

/** Node fields that only place a node on the canvas. */
const LAYOUT_FIELDS: ReadonlySet<string> = new Set(['position', 'size', 'placed']);

function sameContent(a: DocNode, b: DocNode): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (LAYOUT_FIELDS.has(key)) continue;
    if ((a as unknown as Record<string, unknown>)[key] !== (b as unknown as Record<string, unknown>)[key]) return false;
  }
  return true;
}

/**
 * Selector factory for one node that keeps returning the same object while only the node's
 * position or size changes, so panels that do not show geometry skip re-rendering during a drag.
 * Each call makes a selector with its own memory, so create it once per component (useMemo).
 */
export function selectNodeContent(id: string) {
  let last: DocNode | undefined;
  return (state: DocumentState): DocNode | undefined => {
    const node = nodeIndexOf(state.doc.nodes).get(id);
    if (last && node && sameContent(last, node)) return last;
    last = node;
    return node;
  };
}

const structureCache = new WeakMap<readonly DocNode[], string>();

/**
 * A string that changes when nodes are added, removed, renamed, retyped or moved to another scope,
 * but not when they only move on the canvas. Outline-like views subscribe to it instead of the nodes.
 */
export const selectStructureKey = (state: DocumentState): string => {
  const nodes = state.doc.nodes;
  let key = structureCache.get(nodes);
  if (key === undefined) {
    key = nodes
      .map((node) => `${node.id}\u0000${node.parentId ?? ''}\u0000${node.name}\u0000${node.kind === 'scope' ? node.scopeKind : node.type}`)
      .join('\u0001');
    structureCache.set(nodes, key);
  }
  return key;
};
