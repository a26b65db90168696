/**
 * React binding of the shared translations: the chosen language lives in a small zustand store,
 * and `useT()` returns a `t(key, values)` bound to it. The first language follows the browser's
 * `navigator.languages`; a choice made with the language switch is kept in localStorage.
 */
import { useCallback } from 'react';
import { create } from 'zustand';
import { detectLanguage, translate, type Language, type MessageValues } from '../i18n';

const STORAGE_KEY = 'scopeflow.language';

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // Storage can be unavailable (private mode, sandboxed frames); the browser languages decide then.
  }
  return detectLanguage(globalThis.navigator?.languages);
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language);
    } catch {
      // Not saving the choice only means the next visit follows the browser language again.
    }
    document.documentElement.lang = language;
    set({ language });
  },
}));

const selectLanguage = (state: LanguageState) => state.language;

export function useLanguage(): Language {
  return useLanguageStore(selectLanguage);
}

export type Translate = (key: string, values?: MessageValues) => string;

/** Returns a translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: string, values?: MessageValues) => translate(language, key, values), [language]);
}

/** Translates outside React (event handlers, confirm dialogs) in the current language. */
export function t(key: string, values?: MessageValues): string {
  return translate(useLanguageStore.getState().language, key, values);
}
