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
