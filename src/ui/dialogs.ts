/** State of the modal dialogs: the one open dialog, if any. */
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
