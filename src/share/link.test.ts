import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n';
import type { DocNode, ModelDocument } from '../graph/types';
import { documentArb } from './arbitraries';
import { encodePayloadV1 } from './binary-v1';
import { ByteWriter, crc32, fromBase64Url, toBase64Url } from './bytes';
import { canonicalizeDocument } from './canonical';
import type { ShareError } from './errors';
import { buildShareUrl, decodeShareFragment, encodeShareFragment, frameLinkPayload, LINK_FORMAT_VERSION } from './link';
import { MAX_LINK_CHARS, MAX_PAYLOAD_BYTES } from './limits';
import { validateDocument } from './validate';

const training = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 64,
  epochs: 1,
  addRegularizationLosses: true,
  summaryEvery: 10,
  seed: 42,
} as const;

/** Builds a small hand-written model: an input and a dense layer inside a scope, and a loss. */
function smallDocument(): ModelDocument {
  return {
    version: 1,
    title: 'Small',
    nodes: [
      { id: 'a', kind: 'scope', name: 'Classifier', scopeKind: 'variable_scope', reuse: false, position: { x: 5, y: 7 }, size: { width: 300, height: 200 } },
      { id: 'b', kind: 'layer', name: 'images', type: 'MnistInput', params: {}, position: { x: 12.5, y: 3 }, placed: true },
      { id: 'c', kind: 'layer', name: 'fc1', parentId: 'a', type: 'Dense', params: { units: 10, activation: 'linear' }, position: { x: 1, y: 2 } },
      { id: 'd', kind: 'layer', name: 'loss', type: 'SoftmaxCrossEntropy', params: {}, position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'x', source: 'b', sourceHandle: 'images', target: 'c' },
      { id: 'y', source: 'c', target: 'd', targetHandle: 'logits' },
      { id: 'z', source: 'b', sourceHandle: 'labels', target: 'd', targetHandle: 'labels' },
    ],
    collections: ['batch_norm'],
    training: { ...training },
  };
}

function encode(doc: ModelDocument): string {
  const result = encodeShareFragment(doc);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function expectError(fragment: string): ShareError {
  const result = decodeShareFragment(fragment);
  if (result.ok) throw new Error(`expected an error for ${fragment.slice(0, 60)}`);
  expect(hasMessage(result.error.messageKey), result.error.messageKey).toBe(true);
  expect(result.error.message.length).toBeGreaterThan(20);
  if (result.error.detail) expect(hasMessage(result.error.detail.messageKey), result.error.detail.messageKey).toBe(true);
  return result.error;
}

function bytesOf(fragment: string): Uint8Array {
  const decoded = fromBase64Url(fragment);
  if (!(typeof decoded === 'object' && 'bytes' in decoded)) throw new Error('not base64url');
  return decoded.bytes;
}

describe('share link round trip', () => {
  it('decodes a small model to its canonical form', () => {
    const doc = smallDocument();
    const decoded = decodeShareFragment(encode(doc));
    expect(decoded).toEqual({ ok: true, value: canonicalizeDocument(doc) });
  });

  it('keeps positions only of placed nodes', () => {
    const decoded = decodeShareFragment(encode(smallDocument()));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.nodes.map((node) => node.position)).toEqual([
      { x: 0, y: 0 },
      { x: 12.5, y: 3 },
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ]);
    expect(decoded.value.nodes.map((node) => node.placed)).toEqual([undefined, true, undefined, undefined]);
  });

  it('re-derives the same ids every time', () => {
    const fragment = encode(smallDocument());
    const first = decodeShareFragment(fragment);
    const second = decodeShareFragment(fragment);
    expect(first).toEqual(second);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.nodes.map((node) => node.id)).toEqual(['s0', 's1', 's2', 's3']);
    expect(first.value.nodes[2].parentId).toBe('s0');
  });

  it('accepts a whole URL, a fragment with # and wrapped lines', () => {
    const fragment = encode(smallDocument());
    const url = buildShareUrl('http://127.0.0.1:5173/app?x=1#old', fragment);
    expect(url).toBe(`http://127.0.0.1:5173/app?x=1#${fragment}`);
    const expected = decodeShareFragment(fragment);
    expect(decodeShareFragment(url)).toEqual(expected);
    expect(decodeShareFragment(`#${fragment}`)).toEqual(expected);
    expect(decodeShareFragment(`${fragment.slice(0, 20)}\n  ${fragment.slice(20)}`)).toEqual(expected);
  });

  it('ignores punctuation after the link', () => {
    const fragment = encode(smallDocument());
    const expected = decodeShareFragment(fragment);
    for (const suffix of ['.', ').', '!', '>', '"']) expect(decodeShareFragment(fragment + suffix), suffix).toEqual(expected);
  });

  it('property: random valid documents round-trip exactly', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        expect(validateDocument(doc).ok).toBe(true);
        const fragment = encode(doc);
        expect(decodeShareFragment(fragment)).toStrictEqual({ ok: true, value: doc });
        expect(encode(doc)).toBe(fragment);
      }),
      { numRuns: 300 },
    );
  });

  it('property: decode(encode(doc)) is the canonical form for any ids', () => {
    fc.assert(
      fc.property(documentArb, fc.uuid(), (doc, salt) => {
        const renamed = renameIds(doc, salt.slice(0, 8));
        expect(decodeShareFragment(encode(renamed))).toStrictEqual({ ok: true, value: doc });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps parents listed after their children', () => {
    const doc = smallDocument();
    doc.nodes = [doc.nodes[2], doc.nodes[1], doc.nodes[0], doc.nodes[3]];
    const decoded = decodeShareFragment(encode(doc));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.nodes[0].parentId).toBe('s2');
  });

  it('keeps a divergent learning rate', () => {
    const doc = smallDocument();
    doc.training = { ...doc.training, optimizer: 'sgd', learningRate: 1e6 };
    const decoded = decodeShareFragment(encode(doc));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value.training.learningRate).toBe(1e6);
  });

  it('rejects an invalid document when encoding', () => {
    const doc = smallDocument();
    doc.nodes[2] = { ...doc.nodes[2], parentId: 'missing' };
    const result = encodeShareFragment(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.detail?.messageKey).toBe('share.invalid.missingParent');
  });
});

function renameIds(doc: ModelDocument, salt: string): ModelDocument {
  const rename = (id: string) => `${salt}-${id}`;
  return {
    ...doc,
    nodes: doc.nodes.map((node): DocNode => ({ ...node, id: rename(node.id), ...(node.parentId ? { parentId: rename(node.parentId) } : {}) })),
    edges: doc.edges.map((edge) => ({ ...edge, id: rename(edge.id), source: rename(edge.source), target: rename(edge.target) })),
  };
}

describe('share link errors', () => {
  it('names an empty link', () => {
    expect(expectError('').code).toBe('empty');
    expect(expectError('http://127.0.0.1/#').code).toBe('empty');
  });

  it('rejects an overlong link before decoding', () => {
    const error = expectError('A'.repeat(MAX_LINK_CHARS + 1));
    expect(error.code).toBe('too-long');
    expect(error.values).toEqual({ length: MAX_LINK_CHARS + 1, max: MAX_LINK_CHARS });
  });

  it('names the first bad character', () => {
    const fragment = encode(smallDocument());
    const error = expectError(`${fragment.slice(0, 10)}*${fragment.slice(11)}`);
    expect(error.code).toBe('bad-character');
    expect(error.values).toEqual({ position: 11, character: '*' });
  });

  it('names trailing punctuation when the rest does not open', () => {
    const error = expectError('garbage!!');
    expect(error.code).toBe('bad-character');
    expect(error.values).toEqual({ position: 8, character: '!' });
    expect(expectError('garbage!!%3C%3E').values).toEqual({ position: 8, character: '!' });
  });

  it('drops trailing punctuation from a whole link', () => {
    const fragment = encode(smallDocument());
    expect(decodeShareFragment(`${fragment}.`).ok).toBe(true);
    expect(decodeShareFragment(`${fragment}!)`).ok).toBe(true);
  });

  it('reports a cut link as truncated', () => {
    const fragment = encode(smallDocument());
    for (const keep of [fragment.length - 1, fragment.length - 8, Math.floor(fragment.length / 2), 10]) {
      expect(expectError(fragment.slice(0, keep)).code, `kept ${keep}`).toBe('truncated');
    }
  });

  it('reports a changed byte as corrupted', () => {
    const bytes = bytesOf(encode(smallDocument()));
    bytes[5] ^= 0x10;
    expect(expectError(toBase64Url(bytes)).code).toBe('corrupted');
  });

  it('reports a newer format version', () => {
    const payload = encodePayloadV1(smallDocument());
    const error = expectError(frameLinkPayload(payload, LINK_FORMAT_VERSION + 1));
    expect(error.code).toBe('newer-version');
    expect(error.values).toEqual({ version: 2, supported: 1 });
    expect(error.message).toContain('newer version of ScopeFlow');
  });

  it('reports a newer version even when its layout differs', () => {
    const bytes = new Uint8Array([7, 3, 2, 3, 4, 5, 6, 7, 8]);
    expect(expectError(toBase64Url(bytes)).code).toBe('newer-version');
  });

  it('stops decompressing a payload that unpacks too large', () => {
    const bomb = new Uint8Array(MAX_PAYLOAD_BYTES + 10);
    const fragment = frameLinkPayload(bomb);
    expect(fragment.length).toBeLessThan(MAX_LINK_CHARS);
    const error = expectError(fragment);
    expect(error.code).toBe('too-large');
  });

  it('rejects a payload with bytes after the document', () => {
    const payload = encodePayloadV1(smallDocument());
    const padded = new Uint8Array(payload.length + 1);
    padded.set(payload);
    expect(expectError(frameLinkPayload(padded)).code).toBe('corrupted');
  });
});

describe('tampered links', () => {
  /** Frames a document that the encoder writes without checking it, as a tampering tool would. */
  function tampered(mutate: (doc: ModelDocument) => void): ShareError {
    const doc = smallDocument();
    mutate(doc);
    return expectError(frameLinkPayload(encodePayloadV1(doc)));
  }

  it('rejects a parent cycle', () => {
    const error = tampered((doc) => {
      doc.nodes[0] = { ...doc.nodes[0], parentId: 'e' };
      doc.nodes.push({ id: 'e', kind: 'scope', name: 'Outer', parentId: 'a', scopeKind: 'name_scope', reuse: false, position: { x: 0, y: 0 }, size: { width: 0, height: 0 } });
    });
    expect(error.code).toBe('invalid-document');
    expect(error.detail?.messageKey).toBe('share.invalid.parentCycle');
  });

  it('rejects a layer used as a parent', () => {
    const error = tampered((doc) => {
      doc.nodes[3] = { ...doc.nodes[3], parentId: 'b' };
    });
    expect(error.detail?.messageKey).toBe('share.invalid.parentNotScope');
    expect(error.detail?.values).toEqual({ node: 'loss', parent: 'images' });
  });

  it('rejects an edge into a scope', () => {
    const error = tampered((doc) => {
      doc.edges.push({ id: 'w', source: 'b', target: 'a' });
    });
    expect(error.detail?.messageKey).toBe('share.invalid.endpointNotLayer');
  });

  it('rejects an out-of-range number', () => {
    const error = tampered((doc) => {
      (doc.nodes[2] as { params: Record<string, unknown> }).params.units = 1e300;
    });
    expect(error.detail?.messageKey).toBe('share.invalid.value');
    expect(error.detail?.values.path).toBe('nodes[2].params.units');
  });

  it('rejects an invalid name with the naming rule', () => {
    const error = tampered((doc) => {
      doc.nodes[2] = { ...doc.nodes[2], name: '<img src=x>' };
    });
    expect(error.detail?.messageKey).toBe('graph.name.invalid');
    expect(error.detail?.values).toEqual({ name: '<img src=x>', suggestion: 'n_img_src_x_' });
  });

  it('rejects a prototype key as a parameter', () => {
    const writer = new ByteWriter();
    writer.writeString('t');
    writer.writeVarUint(0); // training: all defaults
    writer.writeVarUint(0); // collections
    writer.writeVarUint(1); // one node
    writer.writeByte(0); // a layer at the top level, not placed
    writer.writeString('fc');
    writer.writeVarUint(6); // Dense
    writer.writeVarUint(1); // one parameter
    writer.writeVarUint(0);
    writer.writeString('__proto__');
    writer.writeByte(5); // true
    writer.writeVarUint(0); // edges
    const error = expectError(frameLinkPayload(writer.toBytes()));
    expect(error.code).toBe('corrupted');
  });
});

describe('format 0 links', () => {
  it('rejects deeply nested values without overflowing the stack', () => {
    const nested = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const json = `{"format":0,"layers":[{"type":"Dense","name":"fc","config":{"units":${nested}}}]}`;
    const error = expectError(encodeURIComponent(json).slice(0, MAX_LINK_CHARS));
    expect(['invalid-document', 'truncated']).toContain(error.code);
    const short = `{"format":0,"layers":[{"type":"Dense","name":"fc","config":{"units":${'['.repeat(2000)}1${']'.repeat(2000)}}}]}`;
    const invalid = expectError(encodeURIComponent(short));
    expect(invalid.code).toBe('invalid-document');
    expect(invalid.detail?.values).toEqual({ path: 'nodes[0].params.units', value: 'an array of 1' });
  });

  it('tells a pasted document apart from a format 0 link', () => {
    const document = encodeURIComponent(JSON.stringify({ version: 1, nodes: [{ id: 'a', name: 'fc', kind: 'layer', type: 'Dense' }] }));
    const error = expectError(document);
    expect(error.code).toBe('document-json');
    expect(error.message).not.toContain('format');
    expect(expectError(encodeURIComponent('{"hello":1}')).code).toBe('json-not-a-model');
  });

  it('reports cut JSON as truncated', () => {
    expect(expectError('%7B%22format%22%3A0%2C%22lay').code).toBe('truncated');
  });
});

describe('share link fuzzing', () => {
  const base = encode(smallDocument());
  const baseBytes = bytesOf(base);

  it('property: random text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = decodeShareFragment(text);
        if (result.ok) expect(validateDocument(result.value).ok).toBe(true);
        else expect(hasMessage(result.error.messageKey)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('property: random bytes give a clear error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expectError(toBase64Url(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('property: every truncation gives a clear error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length - 1 }), (keep) => {
        const error = expectError(base.slice(0, keep));
        expect(['empty', 'truncated', 'corrupted']).toContain(error.code);
      }),
      { numRuns: 200 },
    );
  });

  it('property: every bit flip gives a clear error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: baseBytes.length * 8 - 1 }), (bit) => {
        const bytes = baseBytes.slice();
        bytes[bit >> 3] ^= 1 << (bit & 7);
        const error = expectError(toBase64Url(bytes));
        expect(['corrupted', 'truncated', 'newer-version']).toContain(error.code);
      }),
      { numRuns: 400 },
    );
  });

  it('property: every changed character gives a clear error', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length - 1 }), fc.constantFrom(...alphabet), (index, character) => {
        fc.pre(base[index] !== character);
        expectError(base.slice(0, index) + character + base.slice(index + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('property: random payloads with a valid check code never crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (payload) => {
        const result = decodeShareFragment(frameLinkPayload(payload));
        if (result.ok) expect(validateDocument(result.value).ok).toBe(true);
        else expect(hasMessage(result.error.messageKey)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: mutated payloads of a real model never crash', () => {
    const payload = encodePayloadV1(smallDocument());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: payload.length - 1 }), fc.integer({ min: 0, max: 255 }), (index, value) => {
        const mutated = payload.slice();
        mutated[index] = value;
        const result = decodeShareFragment(frameLinkPayload(mutated));
        if (result.ok) expect(validateDocument(result.value).ok).toBe(true);
        else expect(hasMessage(result.error.messageKey)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('checks the CRC-32 against the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
