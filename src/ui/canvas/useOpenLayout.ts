import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { autoLayout } from '../../store/actions';
import { documentStore, selectDocId, useDocument } from '../../store/document';

/**
 * Lays out a freshly opened document when some of its nodes were never placed by the user (a
 * template, or a shared link, which leaves such positions out), then fits it in view. The layout
 * makes no undo entry and keeps the positions of nodes the user placed.
 */
export function useOpenLayout(): void {
  const docId = useDocument(selectDocId);
  const { fitView } = useReactFlow();

  useEffect(() => {
    let cancelled = false;
    const { doc } = documentStore.getState();
    if (!doc.nodes.some((node) => !node.placed)) {
      void fitView();
      return;
    }
    void autoLayout({ record: false, keepPlaced: true }).then(() => {
      if (!cancelled) requestAnimationFrame(() => void fitView());
    });
    return () => {
      cancelled = true;
    };
  }, [docId, fitView]);
}
