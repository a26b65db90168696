/**
 * Link format 1: the document as a compact positional binary record (before compression).
 *
 *   payload  = title:str training collections:list<str> nodes:list<node> edges:list<edge>
 *   training = mask:varuint, then each field whose mask bit is set (fields equal to
 *              TRAINING_DEFAULTS_V1 are left out)
 *   node     = flags:byte name:str [parentDelta:varint] body [x:num y:num [width:num height:num]]
 *              flags: 1 scope, 2 placed, 4 has parent, 8 collapsed (scope) or has collections (layer),
 *              16 name_scope, 32/64 reuse true/auto
 *   layer    = type:token params [collections:list<str>]
 *   scope    = argScope:list<layerTypes:list<token> params>
 *   params   = list<key:token value>
 *   edge     = flags:byte targetDelta:varint sourceDelta:varint [sourceHandle:token] [targetHandle:token]
 *   token    = varuint: 0 then a literal str, or 1 + index in a frozen table of tables-v1.ts
 *
 * Ids are not stored: node i gets `sharedNodeId(i)`. Parents and edge ends are node indexes stored as
 * differences (to the node itself, to the previous edge), which are small and repeat, so they compress.
 */
import { DOCUMENT_VERSION, type ModelDocument, type ParamValue, type Params, type ReuseMode, type TrainingConfig } from '../graph/types';
import { ByteReader, ByteWriter, NUMBER_TAG_COUNT, PayloadError } from './bytes';
import { sharedEdgeId, sharedNodeId } from './canonical';
import {
  MAX_ARG_SCOPE_ENTRIES,
  MAX_ARRAY_LENGTH,
  MAX_COLLECTIONS,
  MAX_EDGES,
  MAX_NAME_LENGTH,
  MAX_NODES,
  MAX_PARAMS_PER_NODE,
  MAX_TEXT_LENGTH,
} from './limits';
import {
  HANDLES_V1,
  LAYER_TYPES_V1,
  OPTIMIZERS_V1,
  PARAM_KEYS_V1,
  PARAM_STRINGS_V1,
  TRAINING_DEFAULTS_V1,
} from './tables-v1';

const FLAG_SCOPE = 1;
const FLAG_PLACED = 2;
const FLAG_PARENT = 4;
const FLAG_COLLAPSED_OR_COLLECTIONS = 8;
const FLAG_NAME_SCOPE = 16;
const FLAG_REUSE_TRUE = 32;
const FLAG_REUSE_AUTO = 64;

/** Keys that would reach an object's prototype if used as a property name. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const EDGE_SOURCE_HANDLE = 1;
const EDGE_TARGET_HANDLE = 2;

/** Value tags after the three number tags. */
const VALUE_NULL = NUMBER_TAG_COUNT;
const VALUE_FALSE = NUMBER_TAG_COUNT + 1;
const VALUE_TRUE = NUMBER_TAG_COUNT + 2;
const VALUE_STRING = NUMBER_TAG_COUNT + 3;
const VALUE_ARRAY = NUMBER_TAG_COUNT + 4;

const TRAINING_FIELDS = [
  'optimizer',
  'learningRate',
  'batchSize',
  'epochs',
  'addRegularizationLosses',
  'summaryEvery',
  'seed',
] as const satisfies readonly (keyof TrainingConfig)[];

class TokenTable {
  private readonly index = new Map<string, number>();

  constructor(private readonly entries: readonly string[]) {
    entries.forEach((entry, i) => this.index.set(entry, i));
  }

  write(writer: ByteWriter, value: string): void {
    const found = this.index.get(value);
    if (found !== undefined) {
      writer.writeVarUint(found + 1);
      return;
    }
    writer.writeVarUint(0);
    writer.writeString(value);
  }

  read(reader: ByteReader, maxBytes: number): string {
    const code = reader.readVarUint();
    if (code === 0) return reader.readString(maxBytes);
    if (code > this.entries.length) throw new PayloadError('malformed', `unknown table entry ${code}`);
    return this.entries[code - 1];
  }
}

const layerTypes = new TokenTable(LAYER_TYPES_V1);
const paramKeys = new TokenTable(PARAM_KEYS_V1);
const handles = new TokenTable(HANDLES_V1);
const paramStrings = new TokenTable(PARAM_STRINGS_V1);

export function encodePayloadV1(doc: ModelDocument): Uint8Array {
  const writer = new ByteWriter();
  writer.writeString(doc.title);
  writeTraining(writer, doc.training);
  writer.writeVarUint(doc.collections.length);
  for (const name of doc.collections) writer.writeString(name);

  const indexOf = new Map(doc.nodes.map((node, index) => [node.id, index]));
  writer.writeVarUint(doc.nodes.length);
  doc.nodes.forEach((node, index) => {
    let flags = node.kind === 'scope' ? FLAG_SCOPE : 0;
    if (node.placed) flags |= FLAG_PLACED;
    if (node.parentId !== undefined) flags |= FLAG_PARENT;
    if (node.kind === 'scope') {
      if (node.collapsed) flags |= FLAG_COLLAPSED_OR_COLLECTIONS;
      if (node.scopeKind === 'name_scope') flags |= FLAG_NAME_SCOPE;
      if (node.reuse === true) flags |= FLAG_REUSE_TRUE;
      if (node.reuse === 'auto') flags |= FLAG_REUSE_AUTO;
    } else if (node.collections && node.collections.length > 0) {
      flags |= FLAG_COLLAPSED_OR_COLLECTIONS;
    }
    writer.writeByte(flags);
    writer.writeString(node.name);
    if (node.parentId !== undefined) {
      const parentIndex = indexOf.get(node.parentId);
      if (parentIndex === undefined) throw new Error(`node ${node.id}: parent ${node.parentId} does not exist`);
      writer.writeVarInt(index - parentIndex);
    }

    if (node.kind === 'layer') {
      layerTypes.write(writer, node.type);
      writeParams(writer, node.params);
      if (flags & FLAG_COLLAPSED_OR_COLLECTIONS) {
        writer.writeVarUint(node.collections!.length);
        for (const name of node.collections!) writer.writeString(name);
      }
    } else {
      const entries = node.argScope ?? [];
      writer.writeVarUint(entries.length);
      for (const entry of entries) {
        writer.writeVarUint(entry.layerTypes.length);
        for (const type of entry.layerTypes) layerTypes.write(writer, type);
        writeParams(writer, entry.params);
      }
    }

    if (node.placed) {
      writer.writeNumber(node.position.x);
      writer.writeNumber(node.position.y);
      if (node.kind === 'scope') {
        writer.writeNumber(node.size.width);
        writer.writeNumber(node.size.height);
      }
    }
  });

  writer.writeVarUint(doc.edges.length);
  let previousTarget = 0;
  for (const edge of doc.edges) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined || target === undefined) throw new Error(`edge ${edge.id}: an end does not exist`);
    let flags = 0;
    if (edge.sourceHandle !== undefined) flags |= EDGE_SOURCE_HANDLE;
    if (edge.targetHandle !== undefined) flags |= EDGE_TARGET_HANDLE;
    writer.writeByte(flags);
    writer.writeVarInt(target - previousTarget);
    writer.writeVarInt(target - source);
    if (edge.sourceHandle !== undefined) handles.write(writer, edge.sourceHandle);
    if (edge.targetHandle !== undefined) handles.write(writer, edge.targetHandle);
    previousTarget = target;
  }
  return writer.toBytes();
}

function writeTraining(writer: ByteWriter, training: TrainingConfig): void {
  let mask = 0;
  TRAINING_FIELDS.forEach((field, bit) => {
    if (training[field] !== TRAINING_DEFAULTS_V1[field]) mask |= 1 << bit;
  });
  writer.writeVarUint(mask);
  TRAINING_FIELDS.forEach((field, bit) => {
    if ((mask & (1 << bit)) === 0) return;
    const value = training[field];
    if (field === 'optimizer') writer.writeByte(OPTIMIZERS_V1.indexOf(training.optimizer));
    else if (typeof value === 'boolean') writer.writeByte(value ? 1 : 0);
    else writer.writeNumber(value as number);
  });
}

function writeParams(writer: ByteWriter, params: Params): void {
  const entries = Object.entries(params);
  writer.writeVarUint(entries.length);
  for (const [key, value] of entries) {
    paramKeys.write(writer, key);
    writeValue(writer, value);
  }
}

function writeValue(writer: ByteWriter, value: ParamValue): void {
  if (typeof value === 'number') writer.writeNumber(value);
  else if (value === null) writer.writeByte(VALUE_NULL);
  else if (value === false) writer.writeByte(VALUE_FALSE);
  else if (value === true) writer.writeByte(VALUE_TRUE);
  else if (typeof value === 'string') {
    writer.writeByte(VALUE_STRING);
    paramStrings.write(writer, value);
  } else {
    writer.writeByte(VALUE_ARRAY);
    writer.writeVarUint(value.length);
    for (const item of value) writer.writeNumber(item);
  }
}

/**
 * Decodes a format 1 payload. Throws `PayloadError` on truncated or malformed bytes; the result still
 * needs `validateDocument` for names, bounds and references.
 */
export function decodePayloadV1(bytes: Uint8Array): ModelDocument {
  const reader = new ByteReader(bytes);
  const title = reader.readString(MAX_TEXT_LENGTH * 4);
  const training = readTraining(reader);
  const collections = readStrings(reader, MAX_COLLECTIONS, 'collections');

  const nodeCount = reader.readCount(MAX_NODES, 'nodes');
  const nodes: ModelDocument['nodes'] = [];
  for (let index = 0; index < nodeCount; index++) {
    const flags = reader.readByte();
    if (flags >= 128) throw new PayloadError('malformed', `unknown node flags ${flags}`);
    const name = reader.readString(MAX_NAME_LENGTH * 4);
    let parentId: string | undefined;
    if (flags & FLAG_PARENT) {
      const parentIndex = index - reader.readVarInt();
      if (parentIndex < 0 || parentIndex >= nodeCount) throw new PayloadError('malformed', 'parent out of range');
      parentId = sharedNodeId(parentIndex);
    }
    const placed = (flags & FLAG_PLACED) !== 0;
    const base = {
      id: sharedNodeId(index),
      name,
      ...(parentId !== undefined ? { parentId } : {}),
      position: { x: 0, y: 0 },
      ...(placed ? { placed: true } : {}),
    };

    if (flags & FLAG_SCOPE) {
      if ((flags & FLAG_REUSE_TRUE) && (flags & FLAG_REUSE_AUTO)) throw new PayloadError('malformed', 'reuse flags');
      const entryCount = reader.readCount(MAX_ARG_SCOPE_ENTRIES, 'arg_scope entries');
      const argScope = [];
      for (let i = 0; i < entryCount; i++) {
        const typeCount = reader.readCount(MAX_ARG_SCOPE_ENTRIES, 'arg_scope layer types');
        const types = [];
        for (let t = 0; t < typeCount; t++) types.push(layerTypes.read(reader, 256));
        argScope.push({ layerTypes: types, params: readParams(reader) });
      }
      nodes.push({
        ...base,
        kind: 'scope',
        scopeKind: flags & FLAG_NAME_SCOPE ? 'name_scope' : 'variable_scope',
        reuse: readReuse(flags),
        size: { width: 0, height: 0 },
        ...(flags & FLAG_COLLAPSED_OR_COLLECTIONS ? { collapsed: true } : {}),
        ...(argScope.length > 0 ? { argScope } : {}),
      });
    } else {
      if (flags & (FLAG_NAME_SCOPE | FLAG_REUSE_TRUE | FLAG_REUSE_AUTO)) {
        throw new PayloadError('malformed', 'scope flags on a layer');
      }
      const type = layerTypes.read(reader, 256);
      const params = readParams(reader);
      const nodeCollections =
        flags & FLAG_COLLAPSED_OR_COLLECTIONS ? readStrings(reader, MAX_COLLECTIONS, 'collections') : [];
      nodes.push({
        ...base,
        kind: 'layer',
        type,
        params,
        ...(nodeCollections.length > 0 ? { collections: nodeCollections } : {}),
      });
    }

    if (placed) {
      const node = nodes[index];
      node.position = { x: reader.readNumber(), y: reader.readNumber() };
      if (node.kind === 'scope') node.size = { width: reader.readNumber(), height: reader.readNumber() };
    }
  }

  const edgeCount = reader.readCount(MAX_EDGES, 'edges');
  const edges: ModelDocument['edges'] = [];
  let previousTarget = 0;
  for (let index = 0; index < edgeCount; index++) {
    const flags = reader.readByte();
    if (flags > (EDGE_SOURCE_HANDLE | EDGE_TARGET_HANDLE)) throw new PayloadError('malformed', 'edge flags');
    const target = previousTarget + reader.readVarInt();
    const source = target - reader.readVarInt();
    if (target < 0 || target >= nodeCount || source < 0 || source >= nodeCount) {
      throw new PayloadError('malformed', 'edge end out of range');
    }
    const sourceHandle = flags & EDGE_SOURCE_HANDLE ? handles.read(reader, 256) : undefined;
    const targetHandle = flags & EDGE_TARGET_HANDLE ? handles.read(reader, 256) : undefined;
    edges.push({
      id: sharedEdgeId(index),
      source: sharedNodeId(source),
      ...(sourceHandle !== undefined ? { sourceHandle } : {}),
      target: sharedNodeId(target),
      ...(targetHandle !== undefined ? { targetHandle } : {}),
    });
    previousTarget = target;
  }

  if (!reader.atEnd) throw new PayloadError('malformed', `${reader.remaining} bytes after the document`);
  return { version: DOCUMENT_VERSION, title, nodes, edges, collections, training };
}

function readReuse(flags: number): ReuseMode {
  if (flags & FLAG_REUSE_TRUE) return true;
  if (flags & FLAG_REUSE_AUTO) return 'auto';
  return false;
}

function readTraining(reader: ByteReader): TrainingConfig {
  const mask = reader.readVarUint();
  if (mask >= 1 << TRAINING_FIELDS.length) throw new PayloadError('malformed', 'training mask');
  const training: TrainingConfig = { ...TRAINING_DEFAULTS_V1 };
  TRAINING_FIELDS.forEach((field, bit) => {
    if ((mask & (1 << bit)) === 0) return;
    if (field === 'optimizer') {
      const optimizer = OPTIMIZERS_V1[reader.readByte()];
      if (optimizer === undefined) throw new PayloadError('malformed', 'unknown optimizer');
      training.optimizer = optimizer;
    } else if (field === 'addRegularizationLosses') {
      const flag = reader.readByte();
      if (flag > 1) throw new PayloadError('malformed', 'boolean');
      training.addRegularizationLosses = flag === 1;
    } else {
      training[field] = reader.readNumber();
    }
  });
  return training;
}

function readStrings(reader: ByteReader, max: number, what: string): string[] {
  const count = reader.readCount(max, what);
  const strings = [];
  for (let i = 0; i < count; i++) strings.push(reader.readString(MAX_NAME_LENGTH * 4));
  return strings;
}

function readParams(reader: ByteReader): Params {
  const count = reader.readCount(MAX_PARAMS_PER_NODE, 'parameters');
  const params: Params = {};
  for (let i = 0; i < count; i++) {
    const key = paramKeys.read(reader, 256);
    if (RESERVED_KEYS.has(key)) throw new PayloadError('malformed', `reserved parameter name ${key}`);
    if (Object.prototype.hasOwnProperty.call(params, key)) throw new PayloadError('malformed', `parameter ${key} twice`);
    params[key] = readValue(reader);
  }
  return params;
}

function readValue(reader: ByteReader): ParamValue {
  const tag = reader.readByte();
  if (tag < NUMBER_TAG_COUNT) return reader.readNumberWithTag(tag);
  switch (tag) {
    case VALUE_NULL:
      return null;
    case VALUE_FALSE:
      return false;
    case VALUE_TRUE:
      return true;
    case VALUE_STRING:
      return paramStrings.read(reader, MAX_TEXT_LENGTH * 4);
    case VALUE_ARRAY: {
      const length = reader.readCount(MAX_ARRAY_LENGTH, 'array');
      const items = [];
      for (let i = 0; i < length; i++) items.push(reader.readNumber());
      return items;
    }
    default:
      throw new PayloadError('malformed', `unknown value tag ${tag}`);
  }
}
