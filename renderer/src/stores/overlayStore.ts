import { create } from 'zustand';

const STORAGE_KEY = 'mau.overlay.v1';

type Saved = { opacity: number; threshold: number };

/**
 * At threshold 0 the colour map tints the whole part, normal surface included; hiding the
 * lowest third keeps the eye on what the model found while the slider can still show it all.
 */
const DEFAULTS: Saved = { opacity: 0.5, threshold: 0.3 };

function readSaved(): Saved {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Saved>) : {};
    const num = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : fallback);
    return {
      opacity: num(parsed.opacity, DEFAULTS.opacity),
      threshold: num(parsed.threshold, DEFAULTS.threshold),
    };
  } catch {
    return { ...DEFAULTS };
  }
}

/** How the model's heatmap is laid over the image: a view setting, kept across images and sessions. */
type OverlayStore = Saved & {
  heatmap: boolean;
  /** The image on screen has a heatmap to show (set by the stage once it loaded). */
  available: boolean;
  setAvailable(available: boolean): void;
  /** Predicted regions a hovered or focused part of the panel refers to, drawn emphasised; null: none. */
  highlight: readonly number[] | null;
  setHighlight(ids: readonly number[] | null): void;
  toggleHeatmap(): void;
  setOpacity(opacity: number): void;
  setThreshold(threshold: number): void;
};

export const useOverlay = create<OverlayStore>((set, get) => {
  const persist = () => {
    try {
      const { opacity, threshold } = get();
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ opacity, threshold }));
    } catch {
      // not persisted; the setting still holds for this session
    }
  };
  return {
    ...readSaved(),
    heatmap: true,
    available: false,
    setAvailable(available) {
      if (available !== get().available) set({ available });
    },
    highlight: null,
    setHighlight: (highlight) => set({ highlight }),
    toggleHeatmap: () => set({ heatmap: !get().heatmap }),
    setOpacity(opacity) {
      set({ opacity });
      persist();
    },
    setThreshold(threshold) {
      set({ threshold });
      persist();
    },
  };
});
