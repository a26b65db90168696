import { useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { autoLayout } from '../../store/actions';
import { documentStore, selectDocId, useDocument } from '../../store/document';
import { openingViewport } from './openingView';

/**
 * Lays out a freshly opened document when some of its nodes were never placed by the user (a
 * template, or a shared link, which leaves such positions out), then fits it in view. It waits
 * until React Flow has measured every node, so the layout uses real sizes and nothing grows later.
 * The layout makes no undo entry and keeps the positions of nodes the user placed. Returns the id
 * of the document whose layout and fit are done, so the canvas can tell when it is ready.
 */
export function useOpenLayout(): string | null {
  const docId = useDocument(selectDocId);
  const measured = useNodesInitialized();
  const { fitView, getNodes, getNodesBounds, getViewport, setViewport } = useReactFlow();
  const flowStore = useStoreApi();
  const [readyDocId, setReadyDocId] = useState<string | null>(null);
  const startedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!measured || startedFor.current === docId) return;
    startedFor.current = docId;
    const finish = () =>
      requestAnimationFrame(() => {
        if (startedFor.current !== docId) return;
        void fitView()
          .then(() => {
            const { width, height } = flowStore.getState();
            const bounds = getNodesBounds(getNodes().filter((node) => !node.hidden));
            return setViewport(openingViewport(bounds, width, height, getViewport()));
          })
          .then(() => {
            if (startedFor.current === docId) setReadyDocId(docId);
          });
      });
    const { doc } = documentStore.getState();
    if (doc.nodes.some((node) => !node.placed)) void autoLayout({ record: false, keepPlaced: true }).then(finish);
    else finish();
  }, [docId, measured, fitView, getNodes, getNodesBounds, getViewport, setViewport, flowStore]);

  return readyDocId;
}
