import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { documentStore } from '../../store/document';
import { ancestorsOf, indexNodes } from '../../store/geometry';
import { useViewStore } from '../../store/view';

/**
 * Returns a function that selects a node and brings it into view, expanding collapsed scopes
 * around it first (one undo entry), or selects and shows an edge.
 */
export function useReveal(): (target: { nodeId?: string; edgeId?: string }) => void {
  const { fitView } = useReactFlow();
  return useCallback(
    ({ nodeId, edgeId }) => {
      const store = documentStore.getState();
      const view = useViewStore.getState();
      if (nodeId) {
        const index = indexNodes(store.doc);
        if (!index.has(nodeId)) return;
        const collapsed = ancestorsOf(index, nodeId).filter((id) => {
          const node = index.get(id);
          return node?.kind === 'scope' && node.collapsed;
        });
        if (collapsed.length > 0) {
          store.dispatch({
            type: 'batch',
            changes: collapsed.map((id) => ({ type: 'setCollapsed', id, collapsed: false })),
          });
        }
        view.select([nodeId]);
        requestAnimationFrame(() => void fitView({ nodes: [{ id: nodeId }], padding: 0.6, maxZoom: 1.2, duration: 250 }));
      } else if (edgeId) {
        const edge = store.doc.edges.find((candidate) => candidate.id === edgeId);
        if (!edge) return;
        view.select([], [edgeId]);
        requestAnimationFrame(
          () => void fitView({ nodes: [{ id: edge.source }, { id: edge.target }], padding: 0.4, maxZoom: 1.2, duration: 250 }),
        );
      }
    },
    [fitView],
  );
}
