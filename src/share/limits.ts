/**
 * Caps on untrusted input. They sit far above any model a person builds on the canvas (the VGG19
 * template has under 60 nodes) and far below what would stall or exhaust a browser tab.
 */

/** Maximum fragment length decoded, in characters, checked before anything else. */
export const MAX_LINK_CHARS = 65_536;
/** Largest decompressed link payload, in bytes; decompression stops once it is reached. */
export const MAX_PAYLOAD_BYTES = 1 << 20;
/** Largest document file read, in bytes (UTF-8). */
export const MAX_FILE_BYTES = 8 << 20;
/** Share links longer than this get a warning and the offer of a file: chat apps and mail cut them. */
export const LONG_LINK_CHARS = 2_000;

export const MAX_NODES = 5_000;
export const MAX_EDGES = 20_000;
export const MAX_PARAMS_PER_NODE = 64;
export const MAX_ARRAY_LENGTH = 16;
export const MAX_COLLECTIONS = 256;
export const MAX_ARG_SCOPE_ENTRIES = 64;
export const MAX_NAME_LENGTH = 128;
export const MAX_TEXT_LENGTH = 256;
/** Largest magnitude of a parameter value or coordinate; larger ones are tampering, not models. */
export const MAX_ABS_NUMBER = 1e9;
