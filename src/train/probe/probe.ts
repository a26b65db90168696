/**
 * The backend probe page's script (e2e/backends.spec.ts). It exposes `window.scopeflowProbe`, which
 * trains the layer cases one step on a chosen backend and runs the backend fallback chain.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, tfBackendActivator, type BackendChoice } from '../backend';
import type { BackendName } from '../protocol';
import { layerCases } from './layer-cases';
import { stepOnce, type StepResult } from './step';

export interface ScopeflowProbe {
  caseNames(): string[];
  /** Trains the named case one step on `backend` and returns its variables. */
  step(name: string, backend: BackendName): Promise<StepResult>;
  /** Runs the `auto` chain with the listed backends made unavailable. */
  chooseWithout(disabled: BackendName[]): Promise<BackendChoice>;
}

declare global {
  interface Window {
    scopeflowProbe: ScopeflowProbe;
  }
}

const activate = tfBackendActivator({ loadWebGpu: () => import('@tensorflow/tfjs-backend-webgpu') });

window.scopeflowProbe = {
  caseNames: () => layerCases().map((c) => c.name),
  async step(name, backend) {
    const layerCase = layerCases().find((c) => c.name === name);
    if (!layerCase) throw new Error(`No layer case named ${name}`);
    const failure = await activate(backend);
    if (failure !== null) throw new Error(`Backend ${backend} is unavailable: ${failure}`);
    return stepOnce(layerCase);
  },
  chooseWithout(disabled) {
    return chooseBackend('auto', async (name) => (disabled.includes(name) ? `${name} disabled by the test` : activate(name)));
  },
};

document.getElementById('status')!.textContent = `ready (tfjs ${tf.version.tfjs})`;
