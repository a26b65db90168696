import { LAYER_SPECS, type ParamSpec } from '../../graph/catalogue';
import type { ArgScopeEntry, ParamValue, ScopeNode } from '../../graph/types';
import { dispatch } from '../../store/actions';
import { useT } from '../i18n';
import { ParamField } from './ParamField';

/** Layer types that take parameters; only those can get arg_scope defaults. */
const CONFIGURABLE_TYPES = LAYER_SPECS.filter((spec) => spec.params.length > 0).map((spec) => spec.type);

/** Returns the parameters an entry can set: every parameter of its layer types, the first definition of a name winning. */
function entryParams(entry: ArgScopeEntry): ParamSpec[] {
  const byName = new Map<string, ParamSpec>();
  for (const spec of LAYER_SPECS) {
    if (!entry.layerTypes.includes(spec.type)) continue;
    for (const param of spec.params) if (!byName.has(param.name)) byName.set(param.name, param);
  }
  return [...byName.values()];
}

/** Edits a scope's arg_scope: per list of layer types, the defaults its layers get. */
export function ArgScopeEditor({ scope }: { scope: ScopeNode }) {
  const t = useT();
  const entries = scope.argScope ?? [];

  const save = (next: ArgScopeEntry[]) =>
    dispatch({ type: 'setArgScope', id: scope.id, argScope: next.length > 0 ? next : undefined });
  const update = (index: number, entry: ArgScopeEntry) => save(entries.map((old, i) => (i === index ? entry : old)));

  const toggleType = (index: number, type: string, on: boolean) => {
    const entry = entries[index];
    const layerTypes = on ? [...entry.layerTypes, type] : entry.layerTypes.filter((item) => item !== type);
    update(index, { ...entry, layerTypes });
  };

  const setValue = (index: number, name: string, value: ParamValue | undefined) => {
    const entry = entries[index];
    const params = { ...entry.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    update(index, { ...entry, params });
  };

  return (
    <section className="sf-argscope" data-testid="arg-scope-editor">
      <h3>arg_scope</h3>
      <p className="sf-hint">{t('ui.inspector.argScope.hint')}</p>
      {entries.map((entry, index) => (
        <div key={index} className="sf-argscope__entry" data-testid={`arg-scope-entry-${index}`}>
          <fieldset>
            <legend>{t('ui.inspector.argScope.types')}</legend>
            {CONFIGURABLE_TYPES.map((type) => (
              <label key={type} className="sf-check">
                <input
                  type="checkbox"
                  checked={entry.layerTypes.includes(type)}
                  onChange={(event) => toggleType(index, type, event.target.checked)}
                  data-testid={`arg-scope-${index}-type-${type}`}
                />
                {type}
              </label>
            ))}
          </fieldset>
          {entryParams(entry).map((param) => (
            <ParamField
              key={param.name}
              testId={`arg-scope-${index}-param-${param.name}`}
              spec={param}
              value={entry.params[param.name]}
              source={param.name in entry.params ? { from: 'node' } : { from: 'default' }}
              unsetLabel={t('ui.inspector.argScope.unset')}
              onChange={(value) => setValue(index, param.name, value)}
            />
          ))}
          <button type="button" className="sf-button sf-button--quiet" onClick={() => save(entries.filter((_, i) => i !== index))}>
            {t('ui.inspector.argScope.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="sf-button"
        data-testid="arg-scope-add"
        onClick={() => save([...entries, { layerTypes: ['Conv2D', 'Dense'], params: {} }])}
      >
        {t('ui.inspector.argScope.add')}
      </button>
    </section>
  );
}
