import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import { endResize, startResize, toggleCollapsed } from '../../store/actions';
import { selectNodeById, selectNodeInfo, useDocument } from '../../store/document';
import { useT } from '../i18n';
import { ScopeSparkline } from '../panels/ScopeSparkline';
import { COLLAPSED_SOURCE_HANDLE, COLLAPSED_TARGET_HANDLE, type FlowNode } from './flowModel';
import { InlineRename } from './InlineRename';
import { countRender } from './renderCounter';

const MIN_WIDTH = 180;
const MIN_HEIGHT = 100;

function ScopeNodeViewImpl({ id, selected }: NodeProps<FlowNode>) {
  countRender(id);
  const t = useT();
  const node = useDocument(useMemo(() => selectNodeById(id), [id]));
  const info = useDocument(useMemo(() => selectNodeInfo(id), [id]));
  const [renaming, setRenaming] = useState(false);
  if (node?.kind !== 'scope') return null;
  const collapsed = node.collapsed === true;
  const errors = info?.diagnostics.filter((d) => d.severity === 'error') ?? [];

  return (
    <div
      className={`sf-scope sf-scope--${node.scopeKind}${collapsed ? ' sf-scope--collapsed' : ''}${errors.length ? ' sf-scope--error' : ''}`}
      data-testid={`node-${id}`}
      data-kind="scope"
    >
      {!collapsed && (
        <NodeResizer
          isVisible={selected}
          minWidth={MIN_WIDTH}
          minHeight={MIN_HEIGHT}
          onResizeStart={startResize}
          onResizeEnd={() => endResize(id)}
        />
      )}
      {/* Both handles exist while expanded too (hidden), so React Flow has measured them by the
          time a collapse reroutes edges to them; otherwise it warns that it cannot find them. */}
      <Handle
        id={COLLAPSED_TARGET_HANDLE}
        type="target"
        position={Position.Top}
        isConnectable={false}
        className={collapsed ? undefined : 'sf-handle--hidden'}
      />
      <div className="sf-scope__header">
        <button
          type="button"
          className="sf-scope__toggle nodrag"
          data-testid={`scope-toggle-${id}`}
          aria-expanded={!collapsed}
          title={collapsed ? t('canvas.scope.expand') : t('canvas.scope.collapse')}
          onClick={() => toggleCollapsed(id)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        {renaming ? (
          <InlineRename nodeId={id} name={node.name} onDone={() => setRenaming(false)} />
        ) : (
          <span className="sf-scope__name" data-testid={`scope-name-${id}`} onDoubleClick={() => setRenaming(true)}>
            {node.name}
          </span>
        )}
        <span className="sf-scope__kind" data-testid={`scope-kind-${id}`}>
          {node.scopeKind}
        </span>
        {node.reuse !== false && (
          <span className="sf-scope__reuse">reuse={node.reuse === 'auto' ? 'AUTO_REUSE' : 'True'}</span>
        )}
      </div>
      <div className="sf-scope__path" data-testid={`node-path-${id}`}>
        {info?.opPath ?? node.name}
      </div>
      {collapsed && (
        <div className="sf-scope__summary" data-testid={`scope-params-${id}`}>
          {t('canvas.scope.params', { count: (info?.paramCount ?? 0).toLocaleString('en-US') })}
        </div>
      )}
      {collapsed && info && <ScopeSparkline scopePath={info.opPath} />}
      {collapsed && errors.length > 0 && (
        <div className="sf-scope__errors">{t('canvas.scope.errors', { count: errors.length })}</div>
      )}
      <Handle
        id={COLLAPSED_SOURCE_HANDLE}
        type="source"
        position={Position.Bottom}
        isConnectable={false}
        className={collapsed ? undefined : 'sf-handle--hidden'}
      />
    </div>
  );
}

export const ScopeNodeView = memo(ScopeNodeViewImpl);
