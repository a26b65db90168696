/** Comparison of one training step across backends; free of tfjs so the Playwright runner can import it. */

export interface StepResult {
  backend: string;
  loss: number;
  variables: Record<string, number[]>;
}

/**
 * Returns the largest difference between two step results relative to max(1, |reference|), and where it is.
 * Float32 sums differ by backend, so backends are compared with a tolerance, never for equality.
 */
export function largestDifference(actual: StepResult, reference: StepResult): { value: number; where: string } {
  let worst = { value: Math.abs(actual.loss - reference.loss) / Math.max(1, Math.abs(reference.loss)), where: 'loss' };
  for (const [name, expected] of Object.entries(reference.variables)) {
    const values = actual.variables[name];
    if (!values || values.length !== expected.length) return { value: Number.POSITIVE_INFINITY, where: name };
    expected.forEach((value, i) => {
      const difference = Math.abs(values[i] - value) / Math.max(1, Math.abs(value));
      if (!(difference <= worst.value)) worst = { value: difference, where: `${name}[${i}]` };
    });
  }
  return worst;
}
