/**
 * UI state of sharing: the session (created once per page), which share dialog is open, and the
 * notice shown under the top bar (a link opened, an error with its fix).
 */
import { create } from 'zustand';
import type { ShareError } from '../../share/errors';
import type { ShareSession } from '../../share/session';
import type { MessageValues } from '../../i18n';

export interface Notice {
  kind: 'info' | 'error';
  messageKey: string;
  values?: MessageValues;
  /** The error behind an error notice, formatted in the current language when shown. */
  error?: ShareError;
}

export type ShareDialog = 'share' | 'documents' | null;

interface ShareUiState {
  session: ShareSession | null;
  /** True once the session opened the page's document (a link, the latest saved one, or a new one). */
  ready: boolean;
  dialog: ShareDialog;
  notice: Notice | null;
  setSession(session: ShareSession): void;
  openDialog(dialog: ShareDialog): void;
  showNotice(notice: Notice | null): void;
}

export const useShareUiStore = create<ShareUiState>()((set) => ({
  session: null,
  ready: false,
  dialog: null,
  notice: null,
  setSession: (session) => set({ session, ready: true }),
  openDialog: (dialog) => set({ dialog }),
  showNotice: (notice) => set({ notice }),
}));

/** Shows a share error (a link, a file) with the message that names the fix. */
export function showShareError(summaryKey: string, error: ShareError): void {
  useShareUiStore.getState().showNotice({ kind: 'error', messageKey: summaryKey, error });
}
