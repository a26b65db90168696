import type { MessageArea } from '../types';

export const shareMessages: MessageArea = {
  en: {},
  ko: {},
};
