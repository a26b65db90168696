/** View settings shared by every chart of the panels. They are not part of the document. */
import { create } from 'zustand';

interface PanelSettings {
  /** Scalar smoothing weight in [0, 0.99], as on TensorBoard's slider. At 0 the charts draw raw values only. */
  smoothing: number;
  setSmoothing(smoothing: number): void;
}

/** TensorBoard's default smoothing weight. */
export const DEFAULT_SMOOTHING = 0.6;

export const usePanelSettings = create<PanelSettings>()((set) => ({
  smoothing: DEFAULT_SMOOTHING,
  setSmoothing: (smoothing) => set({ smoothing: Math.min(0.99, Math.max(0, smoothing)) }),
}));

export const selectSmoothing = (state: PanelSettings) => state.smoothing;
