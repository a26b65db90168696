import { useMemo } from 'react';
import { getLayerSpec, type ParamSpec } from '../../graph/catalogue';
import type { LayerNode, ParamValue, Params } from '../../graph/types';
import { dispatch } from '../../store/actions';
import { selectNodeInfo, useDocument } from '../../store/document';
import { formatShape } from '../canvas/flowModel';
import { useT } from '../i18n';
import { NameField } from './NameField';
import { ParamField } from './ParamField';

/** Returns whether a parameter matters given the other resolved values (`relevantWhen` in the catalogue). */
export function isRelevant(spec: ParamSpec, values: Record<string, ParamValue | undefined>): boolean {
  if (!spec.relevantWhen) return true;
  return spec.relevantWhen.values.includes(values[spec.relevantWhen.param] ?? null);
}

export function LayerInspector({ node }: { node: LayerNode }) {
  const t = useT();
  const info = useDocument(useMemo(() => selectNodeInfo(node.id), [node.id]));
  const spec = getLayerSpec(node.type);
  const resolved = Object.fromEntries(Object.entries(info?.params ?? {}).map(([key, param]) => [key, param.value]));

  const setParam = (name: string, value: ParamValue | undefined) => {
    const params: Params = { ...node.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    dispatch({ type: 'setParams', id: node.id, params });
  };

  return (
    <div className="sf-inspector__body" data-testid="inspector-layer">
      <NameField key={`${node.id}:${node.name}`} nodeId={node.id} name={node.name} />
      <dl className="sf-facts">
        <dt>{t('ui.inspector.type')}</dt>
        <dd>{node.type}</dd>
        <dt>{t('ui.inspector.opPath')}</dt>
        <dd data-testid="inspector-op-path">{info?.opPath}</dd>
        {Object.entries(info?.outputs ?? {}).map(([endpoint, shape]) => (
          <FactRow key={endpoint} label={endpoint} value={formatShape(shape)} />
        ))}
        <dt>{t('ui.inspector.params')}</dt>
        <dd>{(info?.paramCount ?? 0).toLocaleString('en-US')}</dd>
      </dl>
      {info && info.variables.length > 0 && (
        <details className="sf-variables">
          <summary>{t('ui.inspector.variables', { count: info.variables.length })}</summary>
          <ul>
            {info.variables.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {info && info.diagnostics.length > 0 && (
        <ul className="sf-inspector__diagnostics" data-testid="inspector-diagnostics">
          {info.diagnostics.map((diagnostic, index) => (
            <li key={index} className={`sf-diagnostic sf-diagnostic--${diagnostic.severity}`}>
              {t(diagnostic.messageKey, diagnostic.values)}
            </li>
          ))}
        </ul>
      )}
      {!spec && <p className="sf-field__error">{t('ui.inspector.unknownType', { type: node.type })}</p>}
      {spec?.params
        .filter((param) => isRelevant(param, resolved))
        .map((param) => (
          <ParamField
            key={param.name}
            testId={`param-${param.name}`}
            spec={param}
            value={info?.params[param.name]?.value ?? node.params[param.name] ?? param.default}
            source={info?.params[param.name]?.source ?? (param.name in node.params ? { from: 'node' } : { from: 'default' })}
            onChange={(value) => setParam(param.name, value)}
          />
        ))}
    </div>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>
        <code>{label}</code>
      </dt>
      <dd>{value}</dd>
    </>
  );
}
