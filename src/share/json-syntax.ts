/**
 * Locates the first JSON syntax error as a line and column, so that error messages can point at it
 * in the user's language. Engines word `JSON.parse` errors differently and not always with a
 * position, so the message never shows their text.
 */

export interface TextPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/**
 * Returns the offset of the first JSON syntax error in `text` (`text.length` when it ends early), or
 * -1 when it is valid JSON. Iterative, so hostile nesting depth cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): number {
  const containers: ('array' | 'object')[] = [];
  let expect: Expect = 'value';
  let i = 0;

  while (true) {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    if (i >= text.length) return expect === 'end' ? -1 : i;
    const c = text[i];
    const afterValue: Expect = containers.length > 0 ? 'comma-or-close' : 'end';

    if (expect === 'end') return i;

    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }

    if (expect === 'comma-or-close') {
      const inArray = containers[containers.length - 1] === 'array';
      if (c === ',') {
        i++;
        expect = inArray ? 'value' : 'key';
      } else if (c === (inArray ? ']' : '}')) {
        i++;
        containers.pop();
        expect = containers.length > 0 ? 'comma-or-close' : 'end';
      } else {
        return i;
      }
      continue;
    }

    if (expect === 'key' || expect === 'key-or-close') {
      if (expect === 'key-or-close' && c === '}') {
        i++;
        containers.pop();
        expect = containers.length > 0 ? 'comma-or-close' : 'end';
        continue;
      }
      if (c !== '"') return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      expect = 'colon';
      continue;
    }

    // A value is expected.
    if (expect === 'value-or-close' && c === ']') {
      i++;
      containers.pop();
      expect = containers.length > 0 ? 'comma-or-close' : 'end';
      continue;
    }
    if (c === '[' || c === '{') {
      containers.push(c === '[' ? 'array' : 'object');
      i++;
      expect = c === '[' ? 'value-or-close' : 'key-or-close';
      continue;
    }
    const end = c === '"' ? scanString(text, i) : scanScalar(text, i);
    if (end < 0) return -end - 1;
    i = end;
    expect = afterValue;
  }
}

/** Returns the offset after the string that starts at `start`, or `-(error offset) - 1`. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return i + 1;
    if (c.charCodeAt(0) < 0x20) return -i - 1;
    if (c !== '\\') continue;
    const escape = text[i + 1];
    if (escape === 'u') {
      if (!HEX4.test(text.slice(i + 2, i + 6))) return -(i + 1) - 1;
      i += 5;
    } else if (escape !== undefined && ESCAPES.has(escape)) {
      i += 1;
    } else {
      return -(i + 1) - 1;
    }
  }
  return -text.length - 1;
}

/** Returns the offset after the number or literal at `start`, or `-(error offset) - 1`. */
function scanScalar(text: string, start: number): number {
  for (const literal of LITERALS) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  NUMBER.lastIndex = start;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  return -start - 1;
}

/** Converts a UTF-16 offset in `text` into a 1-based line and column. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
