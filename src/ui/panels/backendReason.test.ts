import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { backendReasonText } from './backendReason';

function reason(messageKey: string, values: Record<string, string> = {}) {
  return { messageKey, values, message: translate('en', messageKey, values) };
}

describe('backendReasonText', () => {
  it('keeps kernel detail out of the auto line', () => {
    for (const key of ['train.backend.autoWebgpu', 'train.backend.autoWebgl', 'train.backend.autoCpu']) {
      const values = { webgpu: 'no adapter', webgl: 'no context' };
      for (const language of ['en', 'ko'] as const) {
        const text = backendReasonText(language, reason(key, values));
        expect(text.short, `${key} ${language}`).not.toContain('Conv2DBackpropFilter');
        expect(text.short, `${key} ${language}`).not.toContain('WASM');
        expect(text.full, `${key} ${language}`).toContain('Conv2DBackpropFilter');
      }
    }
  });

  it('shows a requested backend in full', () => {
    const text = backendReasonText('ko', reason('train.backend.requested', { backend: 'cpu' }));
    expect(text.short).toBe('cpu 백엔드를 요청했습니다.');
    expect(text.full).toBe(text.short);
  });
});
