import type { MessageArea } from '../types';

export const canvasMessages: MessageArea = {
  en: {},
  ko: {},
};
