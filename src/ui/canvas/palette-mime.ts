/** Drag-and-drop data type that carries a catalogue layer type from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-scopeflow-layer';

/** Drag-and-drop data type that carries a palette preset: the layer's name base and parameters, as JSON. */
export const PALETTE_PRESET_MIME = 'application/x-scopeflow-preset';

export interface PalettePreset {
  name: string;
  params: Record<string, string | number | boolean>;
}

/** Reads a preset from drag data, or returns undefined when it is missing or malformed. */
export function parsePreset(text: string): PalettePreset | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { name, params } = value as { name?: unknown; params?: unknown };
    if (typeof name !== 'string' || typeof params !== 'object' || params === null) return undefined;
    const entries = Object.entries(params).filter(([, item]) => ['string', 'number', 'boolean'].includes(typeof item));
    return { name, params: Object.fromEntries(entries) as PalettePreset['params'] };
  } catch {
    return undefined;
  }
}
