import { describe, expect, it } from 'vitest';
import { translate } from '..';
import { graphMessages } from './graph';
import { panelMessages } from './panels';
import { shareMessages } from './share';
import { trainMessages } from './train';

/** Particle pairs that name both forms because the word before them is unknown, such as `을(를)`. */
const BOTH_PARTICLE_FORMS = /을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|와\(과\)|과\(와\)|\(으\)로/;

describe('Korean messages', () => {
  const areas = { graph: graphMessages, panels: panelMessages, share: shareMessages, train: trainMessages };

  for (const [area, messages] of Object.entries(areas)) {
    it(`${area} avoids both-form particles`, () => {
      const offending = Object.entries(messages.ko).filter(([, text]) => BOTH_PARTICLE_FORMS.test(text));
      expect(offending.map(([key]) => key)).toEqual([]);
    });
  }

  it('names a backend without a particle pair', () => {
    expect(translate('ko', 'train.backend.requested', { backend: 'cpu' })).toBe('cpu 백엔드를 요청했습니다.');
  });
});
