/**
 * The app's run store: one training client (and so one worker) for the page, and React hooks that
 * subscribe to one slice at a time. Tests create their own store with `createRunStore`.
 */
import { useStore } from 'zustand';
import { TrainingClient } from '../train/client';
import type { HistogramRing, ImageSnapshot, ScalarSeries } from './runBuffers';
import { createRunStore, type RunStoreState } from './runStore';

export type { RunStoreState } from './runStore';

/** The page's single training client. Sharing requests the trained model from it for export. */
export const trainingClient = new TrainingClient();
export const runStore = createRunStore(() => trainingClient);

/** Subscribes to one slice of the run state. The selector should return a stable value, not a new object. */
export function useRun<T>(selector: (state: RunStoreState) => T): T {
  return useStore(runStore, selector);
}

/** Subscribes to one scalar tag: the component re-renders only when that tag's series changes. */
export function useScalarSeries(tag: string): ScalarSeries | undefined {
  return useStore(runStore, (state) => state.scalars[tag]);
}

export function useHistogramRing(tag: string): HistogramRing | undefined {
  return useStore(runStore, (state) => state.histograms[tag]);
}

export function useImageSnapshot(tag: string): ImageSnapshot | undefined {
  return useStore(runStore, (state) => state.images[tag]);
}

/** Returns the run actions, which never change, without subscribing to the state. */
export function runActions(): Pick<RunStoreState, 'setBackend' | 'setMaxSteps' | 'start' | 'stop' | 'dispose'> {
  return runStore.getState();
}
