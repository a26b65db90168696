import type { MessageArea } from '../types';

export const graphMessages: MessageArea = {
  en: {},
  ko: {},
};
