import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { ACTIVATION_FUNCTIONS, LAYER_SPECS, type LayerCategory } from '../../graph/catalogue';
import { addLayerAt } from '../../store/actions';
import { PALETTE_MIME, PALETTE_PRESET_MIME, type PalettePreset } from '../canvas/palette-mime';
import { useT } from '../i18n';

const CATEGORY_ORDER: LayerCategory[] = ['input', 'layer', 'activation', 'loss', 'summary'];

function onDragStart(event: DragEvent, type: string, preset?: PalettePreset) {
  event.dataTransfer.setData(PALETTE_MIME, type);
  if (preset) event.dataTransfer.setData(PALETTE_PRESET_MIME, JSON.stringify(preset));
  event.dataTransfer.effectAllowed = 'copy';
}

/** One-click activation layers: an `Activation` with its function set, named after the function. */
const ACTIVATION_PRESETS: PalettePreset[] = ACTIVATION_FUNCTIONS.filter((name) => name !== 'linear').map((name) => ({
  name,
  params: { activation: name },
}));

/**
 * Renders the layer palette, grouped by catalogue category. Drag an item onto the canvas (or into a scope),
 * or click it to add the layer in the middle of the view.
 */
export function Palette() {
  const t = useT();
  const { screenToFlowPosition } = useReactFlow();

  const addInView = (type: string, preset?: PalettePreset) => {
    const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!pane) return;
    addLayerAt(type, screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 3 }), preset);
  };

  return (
    <nav className="sf-palette" aria-label={t('ui.palette.title')} data-testid="palette">
      <h2 className="sf-panel-title">{t('ui.palette.title')}</h2>
      <p className="sf-hint">{t('ui.palette.hint')}</p>
      {CATEGORY_ORDER.map((category) => (
        <section key={category} className="sf-palette__group">
          <h3>{t(`ui.palette.category.${category}`)}</h3>
          <ul>
            {LAYER_SPECS.filter((spec) => spec.category === category).map((spec) => (
              <li key={spec.type}>
                <button
                  type="button"
                  draggable
                  className={`sf-palette__item sf-palette__item--${category}`}
                  data-testid={`palette-item-${spec.type}`}
                  onDragStart={(event) => onDragStart(event, spec.type)}
                  onClick={() => addInView(spec.type)}
                  title={t(`ui.palette.describe.${spec.type}`)}
                >
                  <span className="sf-palette__type">{spec.type}</span>
                  <span className="sf-palette__desc">{t(`ui.palette.describe.${spec.type}`)}</span>
                </button>
              </li>
            ))}
            {category === 'activation' &&
              ACTIVATION_PRESETS.map((preset) => (
                <li key={preset.name}>
                  <button
                    type="button"
                    draggable
                    className="sf-palette__item sf-palette__item--activation sf-palette__item--preset"
                    data-testid={`palette-item-Activation-${preset.name}`}
                    onDragStart={(event) => onDragStart(event, 'Activation', preset)}
                    onClick={() => addInView('Activation', preset)}
                    title={t('ui.palette.preset.activation', { name: preset.name })}
                  >
                    <span className="sf-palette__type">{preset.name}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
