/**
 * Export of a trained model as TensorFlow.js artifacts: `model.json` (topology and weights manifest)
 * plus one binary weights file, the layout `tf.loadLayersModel` reads. The worker, which keeps the
 * trained model, calls `exportLayersModel`; the main thread turns the result into files with
 * `buildTfjsFiles`. Only types come from tfjs here, so the main bundle does not load it.
 */
import type * as tf from '@tensorflow/tfjs';

/** The worker's reply: the parts of `tf.io.ModelArtifacts` that a layers model needs. */
export interface ExportedModel {
  modelTopology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  /** All weights, concatenated in `weightSpecs` order. */
  weightData: ArrayBuffer;
}

export interface TfjsFiles {
  /** Contents of `model.json`. */
  modelJson: string;
  weightsFileName: string;
  weights: Uint8Array<ArrayBuffer>;
}

function concatenate(data: ArrayBuffer | ArrayBuffer[]): ArrayBuffer {
  if (!Array.isArray(data)) return data;
  const total = data.reduce((sum, buffer) => sum + buffer.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const buffer of data) {
    joined.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return joined.buffer;
}

/** Serializes a layers model's topology and weights through an in-memory save handler. */
export async function exportLayersModel(model: tf.LayersModel): Promise<ExportedModel> {
  let exported: ExportedModel | null = null;
  await model.save({
    save: async (artifacts: tf.io.ModelArtifacts) => {
      if (!artifacts.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) {
        throw new Error('the model produced no topology or weights');
      }
      exported = {
        modelTopology: artifacts.modelTopology as object,
        weightSpecs: artifacts.weightSpecs,
        weightData: concatenate(artifacts.weightData as ArrayBuffer | ArrayBuffer[]),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
  });
  if (!exported) throw new Error('the model was not saved');
  return exported;
}

/** Builds `model.json` and its weights file in the format of `tf.io.browserDownloads`. */
export function buildTfjsFiles(exported: ExportedModel, generatedBy: string, weightsFileName = 'model.weights.bin'): TfjsFiles {
  const modelJson = {
    modelTopology: exported.modelTopology,
    format: 'layers-model',
    generatedBy,
    convertedBy: null,
    weightsManifest: [{ paths: [`./${weightsFileName}`], weights: exported.weightSpecs }],
  };
  return { modelJson: JSON.stringify(modelJson), weightsFileName, weights: new Uint8Array(exported.weightData) };
}
