/**
 * Translations shared by the UI, the graph diagnostics and the CLI. Each feature area keeps its
 * messages in `messages/<area>.ts` as `{ en, ko }` with identical keys; a unit test checks that.
 * Messages use `{name}` placeholders.
 */
import { canvasMessages } from './messages/canvas';
import { graphMessages } from './messages/graph';
import { panelMessages } from './messages/panels';
import { shareMessages } from './messages/share';
import { trainMessages } from './messages/train';
import { uiMessages } from './messages/ui';
import type { MessageArea } from './types';

export type { MessageArea };

export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['en', 'ko'];

export type MessageValues = Record<string, string | number>;


export const MESSAGE_AREAS: Record<string, MessageArea> = {
  ui: uiMessages,
  canvas: canvasMessages,
  panels: panelMessages,
  graph: graphMessages,
  train: trainMessages,
  share: shareMessages,
};

const catalogues: Record<Language, Record<string, string>> = { en: {}, ko: {} };
for (const area of Object.values(MESSAGE_AREAS)) {
  Object.assign(catalogues.en, area.en);
  Object.assign(catalogues.ko, area.ko);
}

/** Picks the UI language from a browser language list (`navigator.languages`): Korean or English. */
export function detectLanguage(preferred: readonly string[] | undefined): Language {
  for (const tag of preferred ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function hasMessage(key: string): boolean {
  return key in catalogues.en;
}

/**
 * Formats message `key` in `language`, filling `{name}` placeholders from `values`. An unknown key
 * returns the key itself so a missing translation shows up instead of vanishing.
 */
export function translate(language: Language, key: string, values: MessageValues = {}): string {
  const template = catalogues[language][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
