import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import { defaultParams, getLayerSpec } from '../../graph/catalogue';
import type { Diagnostic, MaybeShape } from '../../graph/types';
import { selectNodeById, selectNodeInfo, useDocument } from '../../store/document';
import { useT } from '../i18n';
import { formatShape, type FlowNode } from './flowModel';
import { InlineRename } from './InlineRename';
import { countRender } from './renderCounter';

const emptyDiagnostics: Diagnostic[] = [];

/** Spreads `count` handles evenly along one side, as CSS `left` percentages. */
function handleOffset(index: number, count: number): string {
  return `${((index + 1) * 100) / (count + 1)}%`;
}

function LayerNodeViewImpl({ id }: NodeProps<FlowNode>) {
  countRender(id);
  const t = useT();
  const node = useDocument(useMemo(() => selectNodeById(id), [id]));
  const info = useDocument(useMemo(() => selectNodeInfo(id), [id]));
  const [renaming, setRenaming] = useState(false);
  if (node?.kind !== 'layer') return null;

  const spec = getLayerSpec(node.type);
  const inputs = spec?.inputs.map((input) => input.name) ?? ['input'];
  const endpoints = info ? Object.keys(info.outputs) : (spec?.endpoints(defaultParams(spec)) ?? ['output']);
  const mainShape: MaybeShape | undefined = info?.outputs[endpoints[0]];
  const diagnostics = info?.diagnostics ?? emptyDiagnostics;
  const hasError = diagnostics.some((d) => d.severity === 'error');

  return (
    <div
      className={`sf-layer sf-layer--${spec?.category ?? 'unknown'}${hasError ? ' sf-layer--error' : ''}`}
      data-testid={`node-${id}`}
      data-kind="layer"
    >
      {inputs.map((name, index) => (
        <Handle
          key={name}
          id={name}
          type="target"
          position={Position.Top}
          style={{ left: handleOffset(index, inputs.length) }}
          data-testid={`handle-${id}-${name}`}
          title={name}
        >
          {inputs.length > 1 && <span className="sf-handle-label sf-handle-label--top">{name}</span>}
        </Handle>
      ))}
      <div className="sf-layer__type">{node.type}</div>
      <div
        className="sf-layer__path"
        data-testid={`node-path-${id}`}
        title={info?.opPath}
        onDoubleClick={() => setRenaming(true)}
      >
        <PathText path={info?.opPath ?? node.name} />
      </div>
      {renaming && <InlineRename nodeId={id} name={node.name} onDone={() => setRenaming(false)} />}
      <div className="sf-layer__shape" data-testid={`node-shape-${id}`}>
        {endpoints.length > 0 ? formatShape(mainShape) : t('canvas.node.noOutput')}
      </div>
      {diagnostics.length > 0 && (
        // A badge of fixed size, so that a node never grows over the one below it. The messages
        // stay in the DOM for screen readers, in the badge's tooltip and in the Problems list.
        <div
          className="sf-layer__diagnostics"
          data-testid={`node-diagnostics-${id}`}
          title={diagnostics.map((diagnostic) => t(diagnostic.messageKey, diagnostic.values)).join('\n')}
        >
          <span className={`sf-layer__badge sf-layer__badge--${hasError ? 'error' : 'warning'}`} aria-hidden>
            {hasError ? '!' : 'i'} {diagnostics.length}
          </span>
          <ul className="sf-visually-hidden">
            {diagnostics.map((diagnostic, index) => (
              <li key={index} className={`sf-diagnostic sf-diagnostic--${diagnostic.severity}`} data-code={diagnostic.code}>
                {t(diagnostic.messageKey, diagnostic.values)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {endpoints.map((name, index) => (
        <Handle
          key={name}
          id={name}
          type="source"
          position={Position.Bottom}
          style={{ left: handleOffset(index, endpoints.length) }}
          data-testid={`handle-${id}-${name}`}
          title={name}
        >
          {endpoints.length > 1 && <span className="sf-handle-label sf-handle-label--bottom">{name}</span>}
        </Handle>
      ))}
    </div>
  );
}

export const LayerNodeView = memo(LayerNodeViewImpl);

/** Shows an op path that may wrap only after a `/`, never inside a name. */
export function PathText({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}
