import { describe, expect, it } from 'vitest';
import { detectLanguage, MESSAGE_AREAS, translate } from './index';

describe('message catalogues', () => {
  for (const [area, messages] of Object.entries(MESSAGE_AREAS)) {
    it(`${area} has the same keys in English and Korean`, () => {
      expect(Object.keys(messages.ko).sort()).toEqual(Object.keys(messages.en).sort());
    });

    it(`${area} uses the same placeholders in both languages`, () => {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(messages.en)) {
        expect(placeholders(messages.ko[key] ?? ''), key).toEqual(placeholders(messages.en[key]));
      }
    });
  }

  it('keys are unique across areas', () => {
    const seen = new Map<string, string>();
    for (const [area, messages] of Object.entries(MESSAGE_AREAS)) {
      for (const key of Object.keys(messages.en)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });
});

describe('detectLanguage', () => {
  it('picks Korean from ko-KR', () => expect(detectLanguage(['ko-KR', 'en-US'])).toBe('ko'));
  it('falls back to English', () => expect(detectLanguage(['fr-FR'])).toBe('en'));
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'no-such-key {x}', { x: 1 })).toBe('no-such-key 1');
  });
});
