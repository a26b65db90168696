/**
 * View state of the canvas: selection and measured layer sizes. None of it is part of the
 * document, so none of it makes undo entries or reaches a shared link.
 */
import { create } from 'zustand';
import type { Size } from '../graph/types';

export interface ViewState {
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  /** Layer boxes measured by the canvas, used for hit tests and for growing scopes. */
  measured: Readonly<Record<string, Size | undefined>>;

  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  setMeasured(sizes: Record<string, Size>): void;
}

const emptyIds: readonly string[] = [];

export const useViewStore = create<ViewState>()((set) => ({
  selectedNodeIds: emptyIds,
  selectedEdgeIds: emptyIds,
  measured: {},

  select(nodeIds, edgeIds = emptyIds) {
    set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds });
  },

  setMeasured(sizes) {
    set((state) => ({ measured: { ...state.measured, ...sizes } }));
  },
}));

export const selectSelectedNodeIds = (state: ViewState) => state.selectedNodeIds;
export const selectSelectedEdgeIds = (state: ViewState) => state.selectedEdgeIds;
export const selectMeasured = (state: ViewState) => state.measured;
/** The one selected node, or null when none or several are selected (the inspector's subject). */
export const selectSoleSelectedNodeId = (state: ViewState) =>
  state.selectedNodeIds.length === 1 && state.selectedEdgeIds.length === 0 ? state.selectedNodeIds[0] : null;
