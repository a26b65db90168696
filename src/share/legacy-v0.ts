/**
 * Format 0: the first ScopeFlow links and files, plain JSON with scopes given by path. It had no
 * arg_scopes, positions or ids, and a layer's links pointed at layer indexes:
 *
 *   { "format": 0, "name": "…",
 *     "scopes": [{ "path": "Classifier/Encoder", "kind": "variable" | "name", "reuse": false }],
 *     "layers": [{ "type": "Conv2D", "name": "conv1", "scope": "Classifier/Encoder", "config": {…} }],
 *     "links": [[fromLayer, toLayer] | [fromLayer, toLayer, fromPort, toPort]],
 *     "collections": ["batch_norm"], "train": { "optimizer": "adam", "lr": 0.001, "batch": 64, "epochs": 1 } }
 *
 * `migrateLegacyV0` turns it into a current document: scopes first (a missing enclosing scope becomes a
 * variable_scope), then layers, with ids derived like a decoded link's.
 */
import * as z from 'zod/mini';
import { DOCUMENT_VERSION, type DocNode, type ModelDocument, type Params } from '../graph/types';
import { sharedEdgeId, sharedNodeId } from './canonical';
import { fail, shareError, shareText, type Result, type ShareError } from './errors';
import { MAX_EDGES, MAX_NODES } from './limits';
import { TRAINING_DEFAULTS_V1 } from './tables-v1';
import { validateDocument } from './validate';

const scopePath = z.string().check(z.maxLength(1024));

export const legacyV0Schema = z.object({
  format: z.literal(0),
  name: z.optional(z.string().check(z.maxLength(256))),
  scopes: z.optional(
    z
      .array(
        z.object({
          path: scopePath,
          kind: z.optional(z.enum(['variable', 'name'])),
          reuse: z.optional(z.union([z.boolean(), z.literal('auto')])),
        }),
      )
      .check(z.maxLength(MAX_NODES)),
  ),
  layers: z
    .array(
      z.object({
        type: z.string().check(z.maxLength(64)),
        name: z.string().check(z.maxLength(256)),
        scope: z.optional(scopePath),
        config: z.optional(z.record(z.string().check(z.maxLength(64)), z.unknown())),
        collections: z.optional(z.array(z.string().check(z.maxLength(256))).check(z.maxLength(256))),
      }),
    )
    .check(z.maxLength(MAX_NODES)),
  links: z.optional(
    z
      .array(
        z.union([
          z.tuple([z.int(), z.int()]),
          z.tuple([z.int(), z.int(), z.string().check(z.maxLength(64)), z.string().check(z.maxLength(64))]),
        ]),
      )
      .check(z.maxLength(MAX_EDGES)),
  ),
  collections: z.optional(z.array(z.string().check(z.maxLength(256))).check(z.maxLength(256))),
  train: z.optional(
    z.object({
      optimizer: z.optional(z.enum(['sgd', 'momentum', 'adam', 'rmsprop'])),
      lr: z.optional(z.number()),
      batch: z.optional(z.number()),
      epochs: z.optional(z.number()),
    }),
  ),
});

export type LegacyV0Document = z.infer<typeof legacyV0Schema>;

export function isLegacyV0(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 0;
}

/** Validates and migrates parsed format 0 JSON; the result is validated as a current document. */
export function migrateLegacyV0(json: unknown): Result<ModelDocument, ShareError> {
  const parsed = legacyV0Schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
    return fail(shareError('invalid-document', {}, shareText('share.invalid.value', { path: path.slice(path.startsWith('.') ? 1 : 0) || '(document)', value: 'format 0' })));
  }
  const legacy = parsed.data;
  const nodes: DocNode[] = [];
  const scopeIds = new Map<string, string>();

  const ensureScope = (path: string, kind: 'variable' | 'name' = 'variable', reuse: boolean | 'auto' = false) => {
    const existing = scopeIds.get(path);
    if (existing) return existing;
    const slash = path.lastIndexOf('/');
    const parentId = slash < 0 ? undefined : ensureScope(path.slice(0, slash));
    const id = sharedNodeId(nodes.length);
    scopeIds.set(path, id);
    nodes.push({
      id,
      kind: 'scope',
      name: path.slice(slash + 1),
      ...(parentId !== undefined ? { parentId } : {}),
      position: { x: 0, y: 0 },
      scopeKind: kind === 'name' ? 'name_scope' : 'variable_scope',
      reuse,
      size: { width: 0, height: 0 },
    });
    return id;
  };

  for (const scope of legacy.scopes ?? []) {
    if (scopeIds.has(scope.path)) {
      return fail(shareError('invalid-document', {}, shareText('share.invalid.duplicateId', { id: scope.path })));
    }
    ensureScope(scope.path, scope.kind, scope.reuse);
  }

  const layerIds: string[] = [];
  for (const layer of legacy.layers) {
    const parentId = layer.scope ? scopeIds.get(layer.scope) : undefined;
    if (layer.scope && parentId === undefined) {
      return fail(
        shareError('invalid-document', {}, shareText('share.invalid.missingParent', { node: layer.name, parent: layer.scope })),
      );
    }
    const id = sharedNodeId(nodes.length);
    layerIds.push(id);
    nodes.push({
      id,
      kind: 'layer',
      name: layer.name,
      ...(parentId !== undefined ? { parentId } : {}),
      position: { x: 0, y: 0 },
      type: layer.type,
      params: (layer.config ?? {}) as Params,
      ...(layer.collections && layer.collections.length > 0 ? { collections: layer.collections } : {}),
    });
  }

  const edges: ModelDocument['edges'] = [];
  for (const [index, link] of (legacy.links ?? []).entries()) {
    const [from, to, fromPort, toPort] = link;
    for (const end of [from, to]) {
      if (layerIds[end] === undefined) {
        return fail(
          shareError('invalid-document', {}, shareText('share.invalid.missingEndpoint', { edge: `links[${index}]`, node: String(end) })),
        );
      }
    }
    edges.push({
      id: sharedEdgeId(index),
      source: layerIds[from],
      ...(fromPort !== undefined ? { sourceHandle: fromPort } : {}),
      target: layerIds[to],
      ...(toPort !== undefined ? { targetHandle: toPort } : {}),
    });
  }

  const train = legacy.train ?? {};
  return validateDocument({
    version: DOCUMENT_VERSION,
    title: legacy.name ?? 'Untitled',
    nodes,
    edges,
    collections: legacy.collections ?? [],
    training: {
      ...TRAINING_DEFAULTS_V1,
      ...(train.optimizer !== undefined ? { optimizer: train.optimizer } : {}),
      ...(train.lr !== undefined ? { learningRate: train.lr } : {}),
      ...(train.batch !== undefined ? { batchSize: train.batch } : {}),
      ...(train.epochs !== undefined ? { epochs: train.epochs } : {}),
    },
  });
}
