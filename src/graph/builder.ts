/**
 * A small fluent builder for documents, used by templates and by every test:
 *
 *   const doc = new DocumentBuilder('demo')
 *     .add((b) => {
 *       b.layer('MnistInput', 'mnist');
 *       b.scope('Encoder', {}, (inner) => inner.layer('Conv2D', 'conv1', { filters: 16 }));
 *     })
 *     .chain('mnist:images', 'Encoder/conv1')
 *     .build();
 *
 * Edges refer to layers by id, by name path (`Encoder/conv1`, scope names joined by `/`) or by a
 * bare name when it is unique. A suffix `:handle` picks an endpoint or an input.
 */
import { suggestLayerName, suggestScopeName } from './naming';
import {
  DOCUMENT_VERSION,
  type ArgScopeEntry,
  type DocEdge,
  type DocNode,
  type LayerNode,
  type ModelDocument,
  type Params,
  type ReuseMode,
  type ScopeKind,
  type ScopeNode,
  type Size,
  type TrainingConfig,
  type XY,
} from './types';

/** Size the builder assumes for a layer node when it lays out scopes. */
export const LAYER_NODE_SIZE: Size = { width: 180, height: 64 };

const SCOPE_PADDING = 20;
/** Room for the scope's title bar above its first child. */
const SCOPE_HEADER = 44;
const GAP = 24;

export const DEFAULT_TRAINING: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 64,
  epochs: 1,
  addRegularizationLosses: true,
  summaryEvery: 20,
  seed: 42,
};

export interface ScopeOptions {
  kind?: ScopeKind;
  reuse?: ReuseMode;
  argScope?: ArgScopeEntry[];
  parent?: string;
  position?: XY;
  size?: Size;
  collapsed?: boolean;
}

export interface LayerOptions {
  parent?: string;
  position?: XY;
  collections?: string[];
}

export class DocumentBuilder {
  private readonly nodes: DocNode[] = [];
  private readonly edges: DocEdge[] = [];
  private readonly userCollections: string[] = [];
  private trainingConfig: TrainingConfig = { ...DEFAULT_TRAINING };
  private nextId = 1;
  /** Scope that new nodes go into when no `parent` is given (set inside `scope` bodies). */
  private currentParent: string | undefined;
  /** Nodes whose position the builder chooses in `build`. */
  private readonly autoPlaced = new Set<string>();
  private readonly autoSized = new Set<string>();

  constructor(private readonly title = 'untitled') {}

  /** Runs `body` with this builder, for grouping calls in a fluent chain. */
  add(body: (builder: DocumentBuilder) => void): this {
    body(this);
    return this;
  }

  /** Adds a scope and returns its id. Nodes added inside `body` go into the scope. */
  scope(name: string | undefined, options: ScopeOptions = {}, body?: (builder: DocumentBuilder) => void): string {
    const parentId = options.parent ?? this.currentParent;
    const id = `n${this.nextId++}`;
    const node: ScopeNode = {
      id,
      kind: 'scope',
      name: name ?? suggestScopeName(this.snapshot(), parentId),
      ...(parentId !== undefined ? { parentId } : {}),
      position: options.position ?? { x: 0, y: 0 },
      scopeKind: options.kind ?? 'variable_scope',
      reuse: options.reuse ?? false,
      size: options.size ?? { width: 0, height: 0 },
      ...(options.collapsed ? { collapsed: true } : {}),
      ...(options.argScope ? { argScope: options.argScope } : {}),
    };
    this.nodes.push(node);
    if (!options.position) this.autoPlaced.add(id);
    if (!options.size) this.autoSized.add(id);

    if (body) {
      const outer = this.currentParent;
      this.currentParent = id;
      try {
        body(this);
      } finally {
        this.currentParent = outer;
      }
    }
    return id;
  }

  /** Adds a layer and returns its id; without a name it gets the TF-Slim style default. */
  layer(type: string, name?: string, params: Params = {}, options: LayerOptions = {}): string {
    const parentId = options.parent ?? this.currentParent;
    const id = `n${this.nextId++}`;
    const node: LayerNode = {
      id,
      kind: 'layer',
      type,
      name: name ?? suggestLayerName(this.snapshot(), type, parentId),
      ...(parentId !== undefined ? { parentId } : {}),
      position: options.position ?? { x: 0, y: 0 },
      params: { ...params },
      ...(options.collections ? { collections: [...options.collections] } : {}),
    };
    this.nodes.push(node);
    if (!options.position) this.autoPlaced.add(id);
    return id;
  }

  /** Adds an edge from `from` (`ref` or `ref:endpoint`) to `to` (`ref` or `ref:input`) and returns its id. */
  edge(from: string, to: string): string {
    const source = this.parseRef(from);
    const target = this.parseRef(to);
    const id = `e${this.edges.length + 1}`;
    this.edges.push({
      id,
      source: source.id,
      target: target.id,
      ...(source.handle ? { sourceHandle: source.handle } : {}),
      ...(target.handle ? { targetHandle: target.handle } : {}),
    });
    return id;
  }

  /** Connects each reference to the next one. */
  chain(...refs: string[]): this {
    for (let index = 1; index < refs.length; index += 1) this.edge(refs[index - 1], refs[index]);
    return this;
  }

  collections(...names: string[]): this {
    this.userCollections.push(...names);
    return this;
  }

  training(config: Partial<TrainingConfig>): this {
    this.trainingConfig = { ...this.trainingConfig, ...config };
    return this;
  }

  /** Returns the document, placing and sizing the nodes that were given no position or size. */
  build(): ModelDocument {
    const nodes = this.nodes.map((node) => ({ ...node, position: { ...node.position } }) as DocNode);
    layOut(nodes, this.autoPlaced, this.autoSized);
    return {
      version: DOCUMENT_VERSION,
      title: this.title,
      nodes,
      edges: this.edges.map((edge) => ({ ...edge })),
      collections: [...this.userCollections],
      training: { ...this.trainingConfig },
    };
  }

  private snapshot(): ModelDocument {
    return { version: DOCUMENT_VERSION, title: this.title, nodes: this.nodes, edges: [], collections: [], training: this.trainingConfig };
  }

  private path(node: DocNode): string {
    const parent = node.parentId ? this.nodes.find((candidate) => candidate.id === node.parentId) : undefined;
    return parent ? `${this.path(parent)}/${node.name}` : node.name;
  }

  private parseRef(ref: string): { id: string; handle?: string } {
    const colon = ref.lastIndexOf(':');
    const target = colon >= 0 ? ref.slice(0, colon) : ref;
    const handle = colon >= 0 ? ref.slice(colon + 1) : undefined;

    const byId = this.nodes.find((node) => node.id === target);
    if (byId) return { id: byId.id, handle };
    const byPath = this.nodes.filter((node) => node.kind === 'layer' && this.path(node) === target);
    if (byPath.length === 1) return { id: byPath[0].id, handle };
    const byName = this.nodes.filter((node) => node.kind === 'layer' && node.name === target);
    if (byName.length === 1) return { id: byName[0].id, handle };
    const reason = byPath.length + byName.length > 1 ? 'is ambiguous; use the name path or the id' : 'matches no layer';
    throw new Error(`DocumentBuilder: reference "${ref}" ${reason}`);
  }
}

/**
 * Stacks auto-placed children of each scope in a column and sizes auto-sized scopes to contain
 * their children, innermost scopes first, so that every scope encloses what it holds.
 */
function layOut(nodes: DocNode[], autoPlaced: ReadonlySet<string>, autoSized: ReadonlySet<string>): void {
  const children = new Map<string | undefined, DocNode[]>();
  for (const node of nodes) {
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  const nodesById = new Map(nodes.map((node) => [node.id, node]));
  const sizeOf = (node: DocNode): Size => (node.kind === 'scope' ? node.size : LAYER_NODE_SIZE);

  const place = (parentId: string | undefined, top: number) => {
    let cursor = top;
    for (const child of children.get(parentId) ?? []) {
      if (child.kind === 'scope') place(child.id, SCOPE_HEADER);
      if (autoPlaced.has(child.id)) {
        child.position = { x: SCOPE_PADDING, y: cursor };
        cursor += sizeOf(child).height + GAP;
      }
    }
    const parent = parentId ? nodesById.get(parentId) : undefined;
    if (parent?.kind === 'scope' && autoSized.has(parent.id)) {
      let width = LAYER_NODE_SIZE.width + 2 * SCOPE_PADDING;
      let height = SCOPE_HEADER + SCOPE_PADDING;
      for (const child of children.get(parentId) ?? []) {
        const size = sizeOf(child);
        width = Math.max(width, child.position.x + size.width + SCOPE_PADDING);
        height = Math.max(height, child.position.y + size.height + SCOPE_PADDING);
      }
      parent.size = { width, height };
    }
  };
  place(undefined, SCOPE_PADDING);
}
