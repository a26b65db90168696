/**
 * Share links: the whole document in the URL fragment (after `#`), so it never reaches a server.
 *
 * Current links (format 1) are base64url text of
 *
 *   [format version: 1 byte] [body length: varuint] [body: raw DEFLATE of the binary-v1.ts payload]
 *   [CRC-32 of all preceding bytes: 4 bytes, big-endian]
 *
 * Every format from 1 on keeps this frame, so any version can tell a newer link from a damaged one,
 * and the body length distinguishes a cut-off link (too short) from a changed one (right length, wrong CRC). Format 0 links carried plain JSON (`#{"format":0,...}`, usually
 * percent-encoded); they still open through `legacy-v0.ts`.
 *
 * Decoding is bounded: the fragment length is capped before anything else, and decompression stops
 * at MAX_PAYLOAD_BYTES. Bad input of any kind comes back as a ShareError, never as an exception.
 */
import { deflateSync, Inflate } from 'fflate';
import type { ModelDocument } from '../graph/types';
import { decodePayloadV1, encodePayloadV1 } from './binary-v1';
import { ByteReader, ByteWriter, crc32, fromBase64Url, PayloadError, toBase64Url } from './bytes';
import { canonicalizeDocument } from './canonical';
import { fail, ok, shareError, type Result, type ShareError } from './errors';
import { isLegacyV0, migrateLegacyV0 } from './legacy-v0';
import { MAX_LINK_CHARS, MAX_PAYLOAD_BYTES } from './limits';
import { validateDocument } from './validate';

/** Newest link format this version writes and reads. */
export const LINK_FORMAT_VERSION = 1;

const CRC_BYTES = 4;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}>'"]+$/;
/** Input bytes handed to the decompressor at a time; one chunk inflates to at most ~1 MiB. */
const INFLATE_CHUNK = 1024;

/** Encodes a document as a link fragment (without the `#`), after checking that it is valid. */
export function encodeShareFragment(doc: ModelDocument): Result<string, ShareError> {
  const valid = validateDocument(doc);
  if (!valid.ok) return valid;
  return ok(frameLinkPayload(encodePayloadV1(valid.value)));
}

/**
 * Compresses a payload and frames it with the version byte and the CRC. Exported for tests and the
 * corpus, which need links with hand-made payloads and versions.
 */
export function frameLinkPayload(payload: Uint8Array, version = LINK_FORMAT_VERSION): string {
  const body = deflateSync(payload, { level: 9 });
  const writer = new ByteWriter();
  writer.writeByte(version);
  writer.writeVarUint(body.length);
  writer.writeBytes(body);
  const framed = writer.toBytes();
  const crc = new Uint8Array(CRC_BYTES);
  new DataView(crc.buffer).setUint32(0, crc32(framed));
  writer.writeBytes(crc);
  return toBase64Url(writer.toBytes());
}

/** Builds the full share URL for a page address (any existing fragment is replaced). */
export function buildShareUrl(pageUrl: string, fragment: string): string {
  const hash = pageUrl.indexOf('#');
  return `${hash < 0 ? pageUrl : pageUrl.slice(0, hash)}#${fragment}`;
}

/**
 * Takes the fragment out of a pasted link or fragment: whatever follows the first `#`, without the
 * whitespace that mail programs insert when they wrap long lines.
 */
export function extractFragment(linkOrFragment: string): string {
  const hash = linkOrFragment.indexOf('#');
  const fragment = hash < 0 ? linkOrFragment : linkOrFragment.slice(hash + 1);
  return fragment.replace(/\s+/g, '');
}

/**
 * Decodes a share link, a fragment with or without `#`, or a format 0 JSON fragment into a
 * canonical, validated document with fresh ids.
 */
export function decodeShareFragment(linkOrFragment: string): Result<ModelDocument, ShareError> {
  if (linkOrFragment.length > MAX_LINK_CHARS * 2) {
    return fail(shareError('too-long', { length: linkOrFragment.length, max: MAX_LINK_CHARS }));
  }
  const fragment = extractFragment(linkOrFragment);
  if (fragment.length === 0) return fail(shareError('empty'));
  if (fragment.length > MAX_LINK_CHARS) {
    return fail(shareError('too-long', { length: fragment.length, max: MAX_LINK_CHARS }));
  }
  if (fragment.startsWith('{') || fragment.toLowerCase().startsWith('%7b')) return decodeLegacyFragment(fragment);

  // Mail and chat programs glue sentence punctuation to a link; base64url never ends with it. The
  // punctuation is dropped only when the rest opens, so that text like `garbage!!` is reported by its
  // first bad character, the same way whether it came through the browser or the CLI.
  const trimmed = fragment.replace(TRAILING_PUNCTUATION, '');
  const decoded = decodeLinkText(trimmed);
  if (decoded.ok || trimmed.length === fragment.length) return decoded;
  return fail(shareError('bad-character', { position: trimmed.length + 1, character: fragment[trimmed.length] }));
}

/** Decodes base64url link text (no `#`, no trailing punctuation) through the frame to a document. */
function decodeLinkText(fragment: string): Result<ModelDocument, ShareError> {
  const text = fromBase64Url(fragment);
  if (text === 'length') return fail(shareError('truncated'));
  if (!('bytes' in text)) {
    const position = text.badCharAt;
    return fail(shareError('bad-character', { position: position + 1, character: fragment[position] }));
  }
  const { bytes, strayBits } = text;
  const frame = readFrame(bytes);
  if (frame === 'truncated') return fail(shareError('truncated'));
  if (frame === 'corrupted' || strayBits) {
    return fail(shareError(bytes[0] > LINK_FORMAT_VERSION ? 'newer-version' : 'corrupted', newerValues(bytes[0])));
  }
  const { version, body } = frame;
  if (version > LINK_FORMAT_VERSION) return fail(shareError('newer-version', newerValues(version)));
  if (version !== 1) return fail(shareError('corrupted'));

  const payload = inflateBounded(body);
  if (payload === 'too-large') return fail(shareError('too-large', { max: MAX_PAYLOAD_BYTES }));
  if (payload === 'truncated' || payload === 'corrupted') return fail(shareError(payload));

  let decoded: ModelDocument;
  try {
    decoded = decodePayloadV1(payload);
  } catch (error) {
    if (error instanceof PayloadError) return fail(shareError(error.reason === 'truncated' ? 'truncated' : 'corrupted'));
    throw error;
  }
  return validateDocument(decoded);
}

function newerValues(version: number): Record<string, number> {
  return { version, supported: LINK_FORMAT_VERSION };
}

/** Splits the frame and checks its length and CRC. */
function readFrame(bytes: Uint8Array): { version: number; body: Uint8Array } | 'truncated' | 'corrupted' {
  const reader = new ByteReader(bytes);
  let version: number;
  let bodyLength: number;
  try {
    version = reader.readByte();
    bodyLength = reader.readVarUint();
  } catch (error) {
    if (error instanceof PayloadError) return error.reason === 'truncated' ? 'truncated' : 'corrupted';
    throw error;
  }
  const headerLength = bytes.length - reader.remaining;
  const expectedLength = headerLength + bodyLength + CRC_BYTES;
  if (bytes.length < expectedLength) return 'truncated';
  if (bytes.length > expectedLength) return 'corrupted';
  const storedCrc = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - CRC_BYTES);
  if (crc32(bytes.subarray(0, bytes.length - CRC_BYTES)) !== storedCrc) return 'corrupted';
  return { version, body: bytes.subarray(headerLength, headerLength + bodyLength) };
}

/** Inflates raw DEFLATE data, stopping once the output passes MAX_PAYLOAD_BYTES. */
function inflateBounded(data: Uint8Array): Uint8Array | 'too-large' | 'truncated' | 'corrupted' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < data.length; offset += INFLATE_CHUNK) {
      const end = Math.min(offset + INFLATE_CHUNK, data.length);
      inflater.push(data.subarray(offset, end), end === data.length);
      if (total > MAX_PAYLOAD_BYTES) return 'too-large';
    }
  } catch (error) {
    return /unexpected EOF/i.test(String((error as Error).message)) ? 'truncated' : 'corrupted';
  }
  if (!finished) return 'truncated';
  const payload = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    payload.set(chunk, offset);
    offset += chunk.length;
  }
  return payload;
}

function decodeLegacyFragment(fragment: string): Result<ModelDocument, ShareError> {
  let text: string;
  try {
    text = decodeURIComponent(fragment);
  } catch {
    return fail(shareError('corrupted'));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON that breaks off is the usual damage to a format 0 link, since chat apps cut long links.
    return fail(shareError('truncated'));
  }
  if (!isLegacyV0(json)) {
    // Someone pasted a saved document (or other JSON) after `#`: only format 0 JSON is a link.
    return fail(shareError(looksLikeDocument(json) ? 'document-json' : 'json-not-a-model'));
  }
  const migrated = migrateLegacyV0(json);
  if (!migrated.ok) return migrated;
  return ok(canonicalizeDocument(migrated.value));
}

function looksLikeDocument(json: unknown): boolean {
  const candidate = json as { version?: unknown; nodes?: unknown } | null;
  return typeof json === 'object' && candidate !== null && typeof candidate.version === 'number' && Array.isArray(candidate.nodes);
}
