import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Size } from '../../graph/types';
import { addLayerAt, connect, dragNodes, dropNodes, layersMeasured, resizeScope } from '../../store/actions';
import type { NodeMove } from '../../store/changes';
import { absoluteRect, indexNodes, nearOrOutsideEdge, type Rect } from '../../store/geometry';
import { documentStore, selectAnalysis, selectDoc, selectDocId, useDocument } from '../../store/document';
import { selectMeasured, selectSelectedEdgeIds, selectSelectedNodeIds, useViewStore } from '../../store/view';
import { useT } from '../i18n';
import { CanvasToolbar } from './CanvasToolbar';
import { FlowModel, type FlowEdge, type FlowNode } from './flowModel';
import { LayerNodeView } from './LayerNodeView';
import { PALETTE_MIME, PALETTE_PRESET_MIME, parsePreset } from './palette-mime';
import { ScopeNodeView } from './ScopeNodeView';
import { useOpenLayout } from './useOpenLayout';
import { useShortcuts } from './useShortcuts';

const nodeTypes = { layer: LayerNodeView, scope: ScopeNodeView };

/** Minimap fill: scopes as light outlines, layers solid, so the model's shape reads at a glance. */
function miniMapColor(node: FlowNode): string {
  return node.type === 'scope' ? 'rgb(36 88 214 / 0.08)' : '#5b6b84';
}

function miniMapStroke(node: FlowNode): string {
  return node.type === 'scope' ? '#2458d6' : 'transparent';
}

/** Distance from a scope's border, in flow pixels, within which a drag shows the Alt hint. */
const EDGE_HINT_MARGIN = 32;

/** Applies React Flow's select changes to a list of selected ids. */
function nextSelection(current: readonly string[], changes: { id: string; selected: boolean }[]): string[] {
  const selected = new Set(current);
  for (const change of changes) {
    if (change.selected) selected.add(change.id);
    else selected.delete(change.id);
  }
  return [...selected];
}

export function Canvas() {
  const t = useT();
  const doc = useDocument(selectDoc);
  const analysis = useDocument(selectAnalysis);
  const selectedNodeIds = useViewStore(selectSelectedNodeIds);
  const selectedEdgeIds = useViewStore(selectSelectedEdgeIds);
  const measured = useViewStore(selectMeasured);
  const { screenToFlowPosition } = useReactFlow();
  const model = useRef<FlowModel>(null);
  model.current ??= new FlowModel();
  const freeDrag = useRef(false);

  useShortcuts();
  const readyDocId = useOpenLayout();
  const docId = useDocument(selectDocId);

  const nodes = useMemo(
    () => model.current!.nodes(doc, new Set(selectedNodeIds), measured),
    [doc, selectedNodeIds, measured],
  );
  const edges = useMemo(
    () => model.current!.edges(doc, analysis, new Set(selectedEdgeIds)),
    [doc, analysis, selectedEdgeIds],
  );

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const dragMoves: NodeMove[] = [];
    const resizeMoves = new Map<string, NodeMove>();
    const resized: { id: string; size: Size }[] = [];
    const sizes: Record<string, Size> = {};
    const selects: { id: string; selected: boolean }[] = [];
    const { measured: known } = useViewStore.getState();
    const index = new Map(documentStore.getState().doc.nodes.map((node) => [node.id, node]));

    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        const move = { id: change.id, position: change.position };
        if (change.dragging !== undefined) dragMoves.push(move);
        else resizeMoves.set(change.id, move);
      } else if (change.type === 'dimensions' && change.dimensions) {
        const kind = index.get(change.id)?.kind;
        // The resizer repeats the last size with `resizing: false` after onResizeEnd closed the
        // gesture, so only `resizing: true` steps count.
        if (kind === 'scope' && change.resizing === true) resized.push({ id: change.id, size: change.dimensions });
        else if (kind === 'layer') {
          const old = known[change.id];
          if (old?.width !== change.dimensions.width || old?.height !== change.dimensions.height) {
            sizes[change.id] = change.dimensions;
          }
        }
      } else if (change.type === 'select') {
        selects.push(change);
      }
    }

    if (Object.keys(sizes).length > 0) layersMeasured(sizes);
    if (dragMoves.length > 0) dragNodes(dragMoves, freeDrag.current);
    for (const { id, size } of resized) {
      const own = resizeMoves.get(id);
      resizeMoves.delete(id);
      resizeScope(id, own?.position, size, [...resizeMoves.values()]);
    }
    if (selects.length > 0) {
      const view = useViewStore.getState();
      view.select(nextSelection(view.selectedNodeIds, selects), view.selectedEdgeIds);
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const selects = changes.filter((change) => change.type === 'select');
    if (selects.length === 0) return;
    const view = useViewStore.getState();
    view.select(view.selectedNodeIds, nextSelection(view.selectedEdgeIds, selects));
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    connect({
      source: connection.source,
      sourceHandle: connection.sourceHandle ?? null,
      target: connection.target,
      targetHandle: connection.targetHandle ?? null,
    });
  }, []);

  const isValidConnection = useCallback(
    (connection: Connection | FlowEdge) => connection.source !== connection.target,
    [],
  );

  // The dragged node's scope as it was when the drag started: a plain drag grows the scope, so
  // its current box would always contain the pointer.
  const dragScope = useRef<Rect | null>(null);
  const [altHint, setAltHint] = useState(false);

  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback((event, node) => {
    freeDrag.current = event.altKey;
    const { doc } = documentStore.getState();
    const index = indexNodes(doc);
    const parentId = index.get(node.id)?.parentId;
    dragScope.current = parentId === undefined || !index.has(parentId) ? null : absoluteRect(index, parentId, useViewStore.getState().measured);
  }, []);

  const onNodeDrag: OnNodeDrag<FlowNode> = useCallback(
    (event) => {
      freeDrag.current = event.altKey;
      const scope = dragScope.current;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const pointer = screenToFlowPosition({ x: point.clientX, y: point.clientY });
      setAltHint(!event.altKey && scope !== null && nearOrOutsideEdge(scope, pointer, EDGE_HINT_MARGIN));
    },
    [screenToFlowPosition],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (event, _node, dragged) => {
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const pointer = screenToFlowPosition({ x: point.clientX, y: point.clientY });
      dropNodes(dragged.map((node) => node.id), pointer, freeDrag.current);
      freeDrag.current = false;
      dragScope.current = null;
      setAltHint(false);
    },
    [screenToFlowPosition],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const preset = parsePreset(event.dataTransfer.getData(PALETTE_PRESET_MIME));
      addLayerAt(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }), preset);
    },
    [screenToFlowPosition],
  );

  return (
    <div
      className="sf-canvas"
      data-testid="canvas"
      data-ready={readyDocId === docId}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        minZoom={0.1}
        aria-label={t('canvas.label')}
      >
        <Background gap={24} />
        <MiniMap
          pannable
          zoomable
          ariaLabel={t('canvas.minimap')}
          nodeColor={miniMapColor}
          nodeStrokeColor={miniMapStroke}
          nodeStrokeWidth={3}
          maskColor="rgb(240 242 246 / 0.6)"
          style={{ width: 150, height: 110 }}
        />
        <Controls showInteractive={false} />
        <CanvasToolbar />
        {altHint && (
          <Panel position="bottom-center" className="sf-drag-hint" data-testid="drag-hint" role="status">
            {t('canvas.dragOutHint')}
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}
