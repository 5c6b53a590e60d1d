import { create } from 'zustand';

const STORAGE_KEY = 'mau.filmstrip.v1';
// Below this window width the strip's 116 px are worth more to the image: off until asked for.
const WIDE_WINDOW = 1600;

function initiallyOpen(): boolean {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'shown') return true;
  if (stored === 'hidden') return false;
  return (globalThis.innerWidth ?? 0) >= WIDE_WINDOW;
}

/** Whether the viewer shows the strip of images beside the canvas; a choice made is kept. */
export const useStrip = create<{ open: boolean; toggle(): void }>((set, get) => ({
  open: initiallyOpen(),
  toggle() {
    const open = !get().open;
    set({ open });
    globalThis.localStorage?.setItem(STORAGE_KEY, open ? 'shown' : 'hidden');
  },
}));
