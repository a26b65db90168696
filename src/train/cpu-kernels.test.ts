import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installFastCpuKernels } from './cpu-kernels';

/** Gradients of a convolution with respect to input and filter, read back. */
async function gradients(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, pad: 'same' | 'valid'): Promise<[Float32Array, Float32Array]> {
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad).square().sum())([x, w]);
  const values: [Float32Array, Float32Array] = [(await dx.data()) as Float32Array, (await dw.data()) as Float32Array];
  tf.dispose([dx, dw]);
  return values;
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  }
  expect(worst).toBeLessThan(1e-4);
}

const cases: Array<{ x: number[]; w: number[]; stride: number; pad: 'same' | 'valid' }> = [
  { x: [2, 7, 7, 3], w: [3, 3, 3, 4], stride: 1, pad: 'same' },
  { x: [2, 8, 9, 2], w: [3, 2, 2, 5], stride: 2, pad: 'same' },
  { x: [3, 9, 8, 1], w: [5, 5, 1, 2], stride: 2, pad: 'valid' },
  { x: [1, 6, 6, 4], w: [1, 1, 4, 3], stride: 1, pad: 'valid' },
];

const poolCases: Array<{ x: number[]; size: number; stride: number; pad: 'same' | 'valid' }> = [
  { x: [2, 8, 8, 3], size: 2, stride: 2, pad: 'valid' },
  { x: [2, 7, 7, 2], size: 3, stride: 2, pad: 'same' },
  { x: [1, 5, 6, 4], size: 2, stride: 1, pad: 'valid' },
];

async function poolGradient(c: (typeof poolCases)[number], seed: number): Promise<Float32Array> {
  // Rounded values make ties in the windows, so the first-maximum rule is exercised too.
  const x = tf.tidy(() => tf.randomNormal(c.x, 0, 1, 'float32', seed + 500).mul(2).round()) as tf.Tensor4D;
  const dx = tf.grad((a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, c.size, c.stride, c.pad).square().sum())(x);
  const values = (await dx.data()) as Float32Array;
  tf.dispose([x, dx]);
  return values;
}

describe('fast CPU convolution gradients', () => {
  const expected: Array<[Float32Array, Float32Array]> = [];
  const expectedPool: Float32Array[] = [];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    // Reference values from tfjs's own kernels, computed before the replacement is installed.
    for (const [i, c] of cases.entries()) {
      const x = tf.randomNormal(c.x as [number, number, number, number], 0, 1, 'float32', i + 1) as tf.Tensor4D;
      const w = tf.randomNormal(c.w as [number, number, number, number], 0, 1, 'float32', i + 100) as tf.Tensor4D;
      expected.push(await gradients(x, w, c.stride, c.pad));
      tf.dispose([x, w]);
    }
    for (const [i, c] of poolCases.entries()) expectedPool.push(await poolGradient(c, i));
    installFastCpuKernels();
  });

  it('replaces the three kernels', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')?.kernelFunc.name).toBe('kernelFunc');
    expect(tf.getKernel('Conv2DBackpropInput', 'cpu')?.kernelFunc.name).toBe('kernelFunc');
    expect(tf.getKernel('MaxPoolGrad', 'cpu')?.kernelFunc.name).toBe('kernelFunc');
  });

  for (const [i, c] of poolCases.entries()) {
    it(`matches tfjs max-pool gradient for ${c.x.join('×')}, window ${c.size}, stride ${c.stride}, ${c.pad}`, async () => {
      const dx = await poolGradient(c, i);
      expectClose(dx, expectedPool[i]);
    });
  }

  for (const [i, c] of cases.entries()) {
    it(`matches tfjs for x ${c.x.join('×')}, filter ${c.w.join('×')}, stride ${c.stride}, ${c.pad}`, async () => {
      const x = tf.randomNormal(c.x as [number, number, number, number], 0, 1, 'float32', i + 1) as tf.Tensor4D;
      const w = tf.randomNormal(c.w as [number, number, number, number], 0, 1, 'float32', i + 100) as tf.Tensor4D;
      const [dx, dw] = await gradients(x, w, c.stride, c.pad);
      tf.dispose([x, w]);
      expectClose(dx, expected[i][0]);
      expectClose(dw, expected[i][1]);
    });
  }
});
