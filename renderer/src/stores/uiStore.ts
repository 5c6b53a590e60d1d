import { create } from 'zustand';

/** Which overlays are open; the screen itself follows from the project and viewer stores. */
type UiStore = {
  importOpen: boolean;
  shortcutsOpen: boolean;
  jobsOpen: boolean;
  typePickerOpen: boolean;
  keymapOpen: boolean;
  historyOpen: boolean;
  set(patch: Partial<Omit<UiStore, 'set'>>): void;
};

export const useUi = create<UiStore>((set) => ({
  importOpen: false,
  shortcutsOpen: false,
  jobsOpen: false,
  typePickerOpen: false,
  keymapOpen: false,
  historyOpen: false,
  set: (patch) => set(patch),
}));
