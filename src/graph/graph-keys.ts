/**
 * TF1's standard collection keys (`tf.GraphKeys`). ScopeFlow derives every one of them from the graph;
 * only user-named collections come from the document.
 */
export const GraphKeys = {
  GLOBAL_VARIABLES: 'GLOBAL_VARIABLES',
  LOCAL_VARIABLES: 'LOCAL_VARIABLES',
  MODEL_VARIABLES: 'MODEL_VARIABLES',
  TRAINABLE_VARIABLES: 'TRAINABLE_VARIABLES',
  MOVING_AVERAGE_VARIABLES: 'MOVING_AVERAGE_VARIABLES',
  WEIGHTS: 'WEIGHTS',
  BIASES: 'BIASES',
  ACTIVATIONS: 'ACTIVATIONS',
  LOSSES: 'LOSSES',
  REGULARIZATION_LOSSES: 'REGULARIZATION_LOSSES',
  SUMMARIES: 'SUMMARIES',
  UPDATE_OPS: 'UPDATE_OPS',
} as const;

export type GraphKey = (typeof GraphKeys)[keyof typeof GraphKeys];

/** The standard keys in the order the UI lists them. */
export const STANDARD_COLLECTIONS: readonly GraphKey[] = Object.values(GraphKeys);

export function isStandardCollection(key: string): key is GraphKey {
  return (STANDARD_COLLECTIONS as readonly string[]).includes(key);
}
