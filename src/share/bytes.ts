/**
 * Byte-level building blocks of the share link: LEB128 varints, zigzag integers, compact numbers,
 * UTF-8 strings, base64url and CRC-32. Readers never read past their buffer and never allocate more
 * than the bytes that remain, so hostile input cannot make them loop or allocate without bound.
 */

/** Thrown by `ByteReader` when the payload ends early or contains an impossible value. */
export class PayloadError extends Error {
  constructor(
    readonly reason: 'truncated' | 'malformed',
    detail: string,
  ) {
    super(detail);
    this.name = 'PayloadError';
  }
}

/** Largest integer a varint may carry; larger values are malformed input, not data. */
const MAX_VARUINT = 2 ** 31 - 1;

/** Number tags of `writeNumber`, before `tagBase` is added. */
const NUMBER_INT = 0;
const NUMBER_DECIMAL = 1;
const NUMBER_FLOAT64 = 2;
/** Count of number tags: a caller that shares the tag byte with other values starts its own tags here. */
export const NUMBER_TAG_COUNT = 3;
/** Most decimal places a number may have to use the decimal form instead of float64. */
const MAX_DECIMAL_PLACES = 12;

export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  writeByte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
  }

  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  writeVarUint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > MAX_VARUINT) {
      throw new RangeError(`varuint out of range: ${value}`);
    }
    let rest = value;
    while (rest >= 0x80) {
      this.writeByte((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.writeByte(rest);
  }

  /** Writes a signed integer in zigzag form, so small negative numbers stay one byte. */
  writeVarInt(value: number): void {
    this.writeVarUint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  writeString(value: string): void {
    const bytes = new TextEncoder().encode(value);
    this.writeVarUint(bytes.length);
    this.writeBytes(bytes);
  }

  /**
   * Writes a finite number in the shortest of three forms: a zigzag integer, a decimal (integer
   * mantissa and a count of decimal places, exact for values like 0.001 and 1e-6), or raw float64.
   * The form goes in a tag byte, offset by `tagBase` when the caller shares the byte with other tags.
   */
  writeNumber(value: number, tagBase = 0): void {
    if (!Number.isFinite(value)) throw new RangeError(`number is not finite: ${value}`);
    const negativeZero = Object.is(value, -0);
    if (!negativeZero && Number.isInteger(value) && Math.abs(value) <= MAX_VARUINT / 2) {
      this.writeByte(tagBase + NUMBER_INT);
      this.writeVarInt(value);
      return;
    }
    const decimal = negativeZero ? null : toDecimal(value);
    if (decimal) {
      this.writeByte(tagBase + NUMBER_DECIMAL);
      this.writeVarInt(decimal.mantissa);
      this.writeByte(decimal.places);
      return;
    }
    this.writeByte(tagBase + NUMBER_FLOAT64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.writeBytes(bytes);
  }

  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

function toDecimal(value: number): { mantissa: number; places: number } | null {
  for (let places = 1; places <= MAX_DECIMAL_PLACES; places++) {
    const mantissa = Math.round(value * 10 ** places);
    if (Math.abs(mantissa) > MAX_VARUINT / 2) return null;
    if (mantissa / 10 ** places === value) return { mantissa, places };
  }
  return null;
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  readByte(): number {
    if (this.offset >= this.bytes.length) throw new PayloadError('truncated', 'unexpected end of data');
    return this.bytes[this.offset++];
  }

  readBytes(count: number): Uint8Array {
    if (count > this.remaining) throw new PayloadError('truncated', 'unexpected end of data');
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  readVarUint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const byte = this.readByte();
      value += (byte & 0x7f) * scale;
      if (value > MAX_VARUINT) throw new PayloadError('malformed', 'integer too large');
      if ((byte & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new PayloadError('malformed', 'integer too long');
  }

  readVarInt(): number {
    const zigzag = this.readVarUint();
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }

  /** Reads a count of items that each take at least one byte, so it cannot exceed what remains. */
  readCount(max: number, what: string): number {
    const count = this.readVarUint();
    if (count > max) throw new PayloadError('malformed', `${what}: ${count} exceeds the maximum ${max}`);
    if (count > this.remaining) throw new PayloadError('truncated', 'unexpected end of data');
    return count;
  }

  readString(maxBytes: number): string {
    const length = this.readVarUint();
    if (length > maxBytes) throw new PayloadError('malformed', `string of ${length} bytes is too long`);
    const bytes = this.readBytes(length);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new PayloadError('malformed', 'string is not valid UTF-8');
    }
  }

  readNumber(): number {
    return this.readNumberWithTag(this.readByte());
  }

  /** Reads the rest of a number whose tag byte (without `tagBase`) the caller already read. */
  readNumberWithTag(tag: number): number {
    if (tag === NUMBER_INT) return this.readVarInt();
    if (tag === NUMBER_DECIMAL) {
      const mantissa = this.readVarInt();
      const places = this.readByte();
      if (places < 1 || places > MAX_DECIMAL_PLACES) throw new PayloadError('malformed', 'bad decimal');
      return mantissa / 10 ** places;
    }
    if (tag === NUMBER_FLOAT64) {
      const bytes = this.readBytes(8);
      const value = new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);
      if (!Number.isFinite(value)) throw new PayloadError('malformed', 'number is not finite');
      return value;
    }
    throw new PayloadError('malformed', `unknown number tag ${tag}`);
  }

  /** True when every byte was consumed. */
  get atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64URL.length; i++) BASE64URL_INDEX[BASE64URL.charCodeAt(i)] = i;

/** Encodes bytes as unpadded base64url (RFC 4648 §5), the URL-safe alphabet. */
export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    text += BASE64URL[(triple >> 18) & 63] + BASE64URL[(triple >> 12) & 63];
    if (i + 1 < bytes.length) text += BASE64URL[(triple >> 6) & 63];
    if (i + 2 < bytes.length) text += BASE64URL[triple & 63];
  }
  return text;
}

export interface Base64UrlDecoding {
  bytes: Uint8Array;
  /** True when the last character sets bits that no byte uses: no encoder writes such text. */
  strayBits: boolean;
}

/**
 * Decodes unpadded base64url. Returns the index of the first character outside the alphabet, or
 * 'length' when the text cannot be a whole number of bytes (one character too many or too few).
 */
export function fromBase64Url(text: string): Base64UrlDecoding | { badCharAt: number } | 'length' {
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let out = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? BASE64URL_INDEX[code] : -1;
    if (value < 0) return { badCharAt: i };
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[out++] = (bits >> bitCount) & 0xff;
    }
  }
  if (text.length % 4 === 1) return 'length';
  return { bytes, strayBits: (bits & ((1 << bitCount) - 1)) !== 0 };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the zlib and PNG polynomial). It detects every single-bit error. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
