import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, positionAt } from './json-syntax';

function errorPosition(text: string) {
  const offset = findJsonSyntaxError(text);
  return offset < 0 ? null : positionAt(text, offset);
}

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    for (const text of ['{}', '[]', ' 1 ', '"a\\u00e9\\n"', '{"a":[1,-2.5e3,true,false,null,{"b":{}}]}', '-0']) {
      expect(findJsonSyntaxError(text), text).toBe(-1);
    }
  });

  it('locates an unexpected character', () => {
    expect(errorPosition('hello world')).toEqual({ line: 1, column: 1 });
    expect(errorPosition('{\n  "a": 1,\n  b: 2\n}')).toEqual({ line: 3, column: 3 });
    expect(errorPosition('[1, 2,]')).toEqual({ line: 1, column: 7 });
    expect(errorPosition('{"a" 1}')).toEqual({ line: 1, column: 6 });
    expect(errorPosition('{} x')).toEqual({ line: 1, column: 4 });
    expect(errorPosition('"bad \\q escape"')).toEqual({ line: 1, column: 7 });
  });

  it('locates an early end after the last character', () => {
    expect(errorPosition('{"nodes": [')).toEqual({ line: 1, column: 12 });
    expect(errorPosition('"open')).toEqual({ line: 1, column: 6 });
    expect(errorPosition('')).toEqual({ line: 1, column: 1 });
  });

  it('survives hostile nesting depth', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toBe(200_000);
  });

  it('property: agrees with JSON.parse', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 30 }), fc.json().map((text) => text.slice(0, -1))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === -1, text).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });
});
