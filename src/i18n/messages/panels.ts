import type { MessageArea } from '../types';

export const panelMessages: MessageArea = {
  en: {},
  ko: {},
};
