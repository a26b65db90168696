import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseBackend, probeTraining, tfBackendActivator, type BackendActivator } from './backend';
import type { BackendName, BackendRequest } from './protocol';
import { TrainError } from './text';

/** An activator where only the listed backends work. */
function only(...working: BackendName[]): BackendActivator & { tried: string[] } {
  const tried: string[] = [];
  const activate = async (name: BackendName) => {
    tried.push(name);
    return working.includes(name) ? null : `${name} is off in this test`;
  };
  return Object.assign(activate, { tried });
}

describe('chooseBackend', () => {
  it('prefers WebGPU', async () => {
    const choice = await chooseBackend('auto', only('webgpu', 'webgl', 'cpu'));
    expect(choice.name).toBe('webgpu');
    expect(choice.reason.messageKey).toBe('train.backend.autoWebgpu');
  });

  it('falls back to WebGL with the WebGPU failure', async () => {
    const choice = await chooseBackend('auto', only('webgl', 'cpu'));
    expect(choice.name).toBe('webgl');
    expect(choice.reason.message).toContain('webgpu is off in this test');
  });

  it('falls past WebGL to CPU, never WASM', async () => {
    const activator = only('cpu');
    const choice = await chooseBackend('auto', activator);
    expect(choice.name).toBe('cpu');
    expect(activator.tried).toEqual(['webgpu', 'webgl', 'cpu']);
    expect(choice.reason.message).toContain('WASM is skipped');
    expect(choice.reason.message).toContain('Conv2DBackpropFilter');
  });

  it('rejects wasm as a request', async () => {
    const error = await chooseBackend('wasm' as BackendRequest, only('cpu')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainError);
    expect((error as TrainError).text.messageKey).toBe('train.backend.unknown');
    expect((error as TrainError).message).toContain('"wasm"');
  });

  it('fails when a requested backend is unavailable', async () => {
    const error = await chooseBackend('webgpu', only('cpu')).catch((e: unknown) => e);
    expect((error as TrainError).text.messageKey).toBe('train.backend.unavailable');
  });
});

describe('tfBackendActivator in Node', () => {
  it('picks cpu for auto', async () => {
    const choice = await chooseBackend('auto', tfBackendActivator());
    expect(choice.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.reason.message).toContain('WebGPU backend is not loaded');
  });

  it('probes Conv2DBackpropFilter without leaking', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    expect(await probeTraining()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
