import { describe, expect, it } from 'vitest';
import { parsePreset } from './palette-mime';

describe('parsePreset', () => {
  it('reads a preset', () => {
    expect(parsePreset('{"name":"relu","params":{"activation":"relu"}}')).toEqual({
      name: 'relu',
      params: { activation: 'relu' },
    });
  });

  it('drops parameter values that are not plain values', () => {
    expect(parsePreset('{"name":"x","params":{"a":1,"b":{"c":2},"d":[1]}}')).toEqual({ name: 'x', params: { a: 1 } });
  });

  it('rejects malformed drag data', () => {
    for (const text of ['', 'not json', 'null', '[]', '{"name":3,"params":{}}', '{"name":"x"}']) {
      expect(parsePreset(text)).toBeUndefined();
    }
  });
});
