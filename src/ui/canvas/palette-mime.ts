/** Drag-and-drop data type that carries a catalogue layer type from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-scopeflow-layer';
