import type { MessageArea } from '../types';

export const uiMessages: MessageArea = {
  en: {},
  ko: {},
};
