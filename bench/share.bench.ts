/**
 * Share link length per template, against its budget, with the lengths the other encodings measured
 * for the same document (why the link uses a deflated binary record). Also the decode time of the
 * VGG-19 link, relative to JSON.parse of the same document's JSON in the same run.
 */
import { deflateSync, strToU8 } from 'fflate';
import { getTemplate, TEMPLATE_NAMES } from '../src/graph/templates';
import type { ModelDocument } from '../src/graph/types';
import { encodePayloadV1 } from '../src/share/binary-v1';
import { toBase64Url } from '../src/share/bytes';
import { canonicalizeDocument } from '../src/share/canonical';
import { decodeShareFragment, encodeShareFragment } from '../src/share/link';
import { HANDLES_V1, LAYER_TYPES_V1, PARAM_KEYS_V1, PARAM_STRINGS_V1 } from '../src/share/tables-v1';
import { median, result, type Benchmark, type BenchResult } from './types';

const BUDGETS: Record<string, number | null> = { default: 400, vgg16: null, vgg19: 600 };

/**
 * A preset DEFLATE dictionary for the dictionary candidates: catalogue strings plus the templates' own
 * names, so its gain on the templates is an upper bound of what a dictionary gains on user models.
 */
const DICTIONARY = strToU8(
  [
    ...LAYER_TYPES_V1,
    ...PARAM_KEYS_V1,
    ...HANDLES_V1,
    ...PARAM_STRINGS_V1,
    'conv1 conv2 pool1 pool2 fc1 fc6 fc7 fc8 logits loss images labels flatten dropout mnist',
    'Classifier Encoder Head vgg_16 vgg_19 l2_regularizer(0.0005) variable_scope name_scope',
    '"kind":"layer","type":"params":{},"position":{"x":0,"y":0},"parentId":"id":"source":"target":',
  ].join(' '),
);

function deflatedBase64(bytes: Uint8Array, dictionary?: Uint8Array): number {
  return toBase64Url(deflateSync(bytes, { level: 9, ...(dictionary ? { dictionary } : {}) })).length;
}

/** Measures every candidate encoding of `doc`, in characters of URL fragment. */
function candidateLengths(doc: ModelDocument): Record<string, number> {
  const fullJson = strToU8(JSON.stringify(doc));
  const canonicalJson = strToU8(JSON.stringify(canonicalizeDocument(doc)));
  const payload = encodePayloadV1(doc);
  const link = encodeShareFragment(doc);
  if (!link.ok) throw new Error(link.error.message);
  return {
    'json-percent-encoded': encodeURIComponent(JSON.stringify(doc)).length,
    'json-deflate-base64url': deflatedBase64(fullJson),
    'canonical-json-deflate-base64url': deflatedBase64(canonicalJson),
    'canonical-json-deflate-dictionary-base64url': deflatedBase64(canonicalJson, DICTIONARY),
    'binary-base64url': toBase64Url(payload).length,
    'binary-deflate-dictionary-base64url': deflatedBase64(payload, DICTIONARY),
    'binary-deflate-base64url-framed (chosen)': link.value.length,
  };
}

function decodeRatio(doc: ModelDocument): { ratio: number; decodeMs: number; jsonParseMs: number } {
  const link = encodeShareFragment(doc);
  if (!link.ok) throw new Error(link.error.message);
  const json = JSON.stringify(doc);
  const time = (body: () => void) => {
    const samples: number[] = [];
    for (let round = 0; round < 15; round++) {
      const start = performance.now();
      for (let i = 0; i < 50; i++) body();
      samples.push((performance.now() - start) / 50);
    }
    return median(samples);
  };
  const decodeMs = time(() => decodeShareFragment(link.value));
  const jsonParseMs = time(() => JSON.parse(json));
  return { ratio: decodeMs / jsonParseMs, decodeMs, jsonParseMs };
}

const benchmark: Benchmark = {
  name: 'share',
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    for (const name of TEMPLATE_NAMES) {
      const doc = getTemplate(name);
      const candidates = candidateLengths(doc);
      const chosen = candidates['binary-deflate-base64url-framed (chosen)'];
      results.push(result(`share.length.${name}`, chosen, 'chars', BUDGETS[name] ?? null, { nodes: doc.nodes.length, candidates }));
    }
    const timing = decodeRatio(getTemplate('vgg19'));
    results.push(
      result('share.decode.vgg19-vs-json-parse', timing.ratio, 'ratio', null, {
        decodeMs: timing.decodeMs,
        jsonParseMs: timing.jsonParseMs,
      }),
    );
    return results;
  },
};

export default benchmark;
