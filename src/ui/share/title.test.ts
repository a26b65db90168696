import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../graph/templates';
import { translate } from '../../i18n';
import { encodeShareFragment, decodeShareFragment } from '../../share/link';
import { displayTitle } from './title';

describe('displayTitle', () => {
  it('translates the default template title', () => {
    const title = getTemplate('default').title;
    expect(displayTitle((key) => translate('ko', key), title)).toBe('MNIST 분류기');
    expect(displayTitle((key) => translate('en', key), title)).toBe(title);
  });

  it('keeps other titles unchanged', () => {
    expect(displayTitle((key) => translate('ko', key), 'vgg_16')).toBe('vgg_16');
    expect(displayTitle((key) => translate('ko', key), 'My lesson')).toBe('My lesson');
  });

  it('leaves the stored title to links', () => {
    const link = encodeShareFragment(getTemplate('default'));
    if (!link.ok) throw new Error(link.error.message);
    const decoded = decodeShareFragment(link.value);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value.title).toBe(getTemplate('default').title);
  });
});
