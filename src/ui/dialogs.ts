/** Which modal dialog is open; at most one at a time. */
import { create } from 'zustand';

export type DialogName = 'deleteScope' | 'shortcuts';

interface DialogState {
  open: DialogName | null;
  show(name: DialogName): void;
  close(): void;
}

export const useDialogStore = create<DialogState>()((set) => ({
  open: null,
  show: (name) => set({ open: name }),
  close: () => set({ open: null }),
}));

export const selectOpenDialog = (state: DialogState) => state.open;
