import { useMemo } from 'react';
import type { ReuseMode, ScopeKind, ScopeNode } from '../../graph/types';
import { dispatch, toggleCollapsed, ungroupScope } from '../../store/actions';
import { selectNodeInfo, useDocument } from '../../store/document';
import { useT } from '../i18n';
import { ArgScopeEditor } from './ArgScopeEditor';
import { NameField } from './NameField';

const REUSE_OPTIONS: { value: string; mode: ReuseMode }[] = [
  { value: 'false', mode: false },
  { value: 'true', mode: true },
  { value: 'auto', mode: 'auto' },
];

export function ScopeInspector({ scope }: { scope: ScopeNode }) {
  const t = useT();
  const info = useDocument(useMemo(() => selectNodeInfo(scope.id), [scope.id]));

  return (
    <div className="sf-inspector__body" data-testid="inspector-scope">
      <NameField key={`${scope.id}:${scope.name}`} nodeId={scope.id} name={scope.name} />
      <dl className="sf-facts">
        <dt>{t('ui.inspector.opPath')}</dt>
        <dd data-testid="inspector-op-path">{info?.opPath}</dd>
        <dt>{t('ui.inspector.variablePath')}</dt>
        <dd>{info?.variablePath}</dd>
        <dt>{t('ui.inspector.params')}</dt>
        <dd>{(info?.paramCount ?? 0).toLocaleString('en-US')}</dd>
      </dl>
      <div className="sf-field">
        <label className="sf-field__label" htmlFor="scope-kind">
          {t('ui.inspector.scopeKind')}
        </label>
        <select
          id="scope-kind"
          data-testid="inspector-scope-kind"
          value={scope.scopeKind}
          onChange={(event) => dispatch({ type: 'setScopeKind', id: scope.id, scopeKind: event.target.value as ScopeKind })}
        >
          <option value="variable_scope">variable_scope</option>
          <option value="name_scope">name_scope</option>
        </select>
        <p className="sf-hint">{t(`ui.inspector.scopeKind.${scope.scopeKind}`)}</p>
      </div>
      {scope.scopeKind === 'variable_scope' && (
        <div className="sf-field">
          <label className="sf-field__label" htmlFor="scope-reuse">
            reuse
          </label>
          <select
            id="scope-reuse"
            data-testid="inspector-reuse"
            value={String(scope.reuse)}
            onChange={(event) =>
              dispatch({
                type: 'setReuse',
                id: scope.id,
                reuse: REUSE_OPTIONS.find((option) => option.value === event.target.value)!.mode,
              })
            }
          >
            <option value="false">False</option>
            <option value="true">True</option>
            <option value="auto">tf.AUTO_REUSE</option>
          </select>
          <p className="sf-hint">{t('ui.inspector.reuse.hint')}</p>
        </div>
      )}
      <div className="sf-row">
        <button type="button" className="sf-button" data-testid="inspector-collapse" onClick={() => toggleCollapsed(scope.id)}>
          {scope.collapsed ? t('canvas.scope.expand') : t('canvas.scope.collapse')}
        </button>
        <button type="button" className="sf-button" data-testid="inspector-ungroup" onClick={() => ungroupScope(scope.id)}>
          {t('ui.inspector.ungroup')}
        </button>
      </div>
      <ArgScopeEditor scope={scope} />
    </div>
  );
}
