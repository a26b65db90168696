import type { MessageArea } from '../types';

export const trainMessages: MessageArea = {
  en: {},
  ko: {},
};
