/**
 * Backend choice for training: WebGPU, then WebGL, then CPU, with a reason the UI can show.
 *
 * WASM is never a candidate: tfjs 4.22's WASM backend has no `Conv2DBackpropFilter` kernel, so it
 * cannot train a conv net. Every candidate must pass a probe that runs that gradient before it is used.
 */
import * as tf from '@tensorflow/tfjs';
import { installFastCpuKernels } from './cpu-kernels';
import type { BackendName, BackendRequest, LocalizedText } from './protocol';
import { fail, localized } from './text';

/** The order tried for `auto`. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  reason: LocalizedText;
}

/** Activates one backend and returns null, or returns why it cannot train here. */
export type BackendActivator = (name: BackendName) => Promise<string | null>;

/**
 * Picks the backend for `request`. `auto` walks `BACKEND_ORDER` and keeps the first that activates; a
 * named backend must activate or the choice fails with an error naming it.
 */
export async function chooseBackend(request: BackendRequest, activate: BackendActivator): Promise<BackendChoice> {
  if (request !== 'auto') {
    if (!BACKEND_ORDER.includes(request)) {
      fail('train.backend.unknown', { backend: String(request), choices: [...BACKEND_ORDER, 'auto'].join(', ') });
    }
    const failure = await activate(request);
    if (failure !== null) fail('train.backend.unavailable', { backend: request, detail: failure });
    return { name: request, reason: localized('train.backend.requested', { backend: request }) };
  }

  const failures: Partial<Record<BackendName, string>> = {};
  for (const name of BACKEND_ORDER) {
    const failure = await activate(name);
    if (failure === null) return { name, reason: autoReason(name, failures) };
    failures[name] = failure;
  }
  fail('train.backend.none', { detail: Object.entries(failures).map(([n, f]) => `${n}: ${f}`).join('; ') });
}

function autoReason(name: BackendName, failures: Partial<Record<BackendName, string>>): LocalizedText {
  if (name === 'webgpu') return localized('train.backend.autoWebgpu');
  if (name === 'webgl') return localized('train.backend.autoWebgl', { webgpu: failures.webgpu ?? '' });
  return localized('train.backend.autoCpu', { webgpu: failures.webgpu ?? '', webgl: failures.webgl ?? '' });
}

/**
 * Runs one conv-net training step's worth of kernels (Conv2D forward and the gradient with respect to
 * the filter, `Conv2DBackpropFilter`) and reads the result back asynchronously. Returns null when the
 * active backend computes it, or the error.
 */
export async function probeTraining(): Promise<string | null> {
  try {
    const gradient = tf.tidy(() => {
      const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
      const gradOfFilter = tf.grad((filter: tf.Tensor) => tf.conv2d(x, filter as tf.Tensor4D, 1, 'same').sum());
      return gradOfFilter(tf.ones([3, 3, 1, 1]));
    });
    const values = await gradient.data();
    gradient.dispose();
    // The centre tap of a 3×3 'same' convolution over a 4×4 field of ones sees all 16 inputs.
    if (values[4] !== 16) return `wrong Conv2DBackpropFilter result ${values[4]}, expected 16`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface ActivatorOptions {
  /** Registers the WebGPU backend, for example `() => import('@tensorflow/tfjs-backend-webgpu')`. */
  loadWebGpu?: () => Promise<unknown>;
}

/** Activates backends with `tf.setBackend` and checks each with `probeTraining`. */
export function tfBackendActivator(options: ActivatorOptions = {}): BackendActivator {
  return async (name) => {
    const unavailable = await precondition(name, options);
    if (unavailable) return unavailable;
    if (name === 'cpu') installFastCpuKernels();
    let ready = false;
    try {
      ready = await tf.setBackend(name);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    if (!ready) return `tf.setBackend('${name}') failed`;
    return probeTraining();
  };
}

async function precondition(name: BackendName, options: ActivatorOptions): Promise<string | null> {
  const scope = globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } }; OffscreenCanvas?: unknown; document?: unknown };
  if (name === 'webgpu') {
    if (!options.loadWebGpu) return 'the WebGPU backend is not loaded in this environment';
    if (!scope.navigator?.gpu) return 'navigator.gpu is missing';
    const adapter = await scope.navigator.gpu.requestAdapter().catch(() => null);
    if (!adapter) return 'no WebGPU adapter';
    await options.loadWebGpu();
    return null;
  }
  if (name === 'webgl' && scope.OffscreenCanvas === undefined && scope.document === undefined) {
    return 'no canvas to create a WebGL context';
  }
  return null;
}
