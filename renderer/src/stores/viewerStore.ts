import { create } from 'zustand';
import type { RegionId, SampleDetail, SampleId } from '../../../electron/contract';
import { api } from '../transport/current';
import { showError } from './toastStore';

export type WindowLevel = { center: number; width: number };

/** Session state of the image view; the camera lives in the stage, not here (no re-render per frame). */
type ViewerStore = {
  sampleId: SampleId | null;
  detail: SampleDetail | null;
  error: string | null;
  showLabels: boolean;
  selectedRegion: RegionId | null;
  /** Only for 16-bit images; null until the raw pixels arrive and an initial window is measured. */
  windowLevel: WindowLevel | null;
  open(id: SampleId): Promise<void>;
  /** Re-reads the open sample's record without resetting the view (its labels changed). */
  refresh(): Promise<void>;
  close(): void;
  toggleLabels(): void;
  selectRegion(id: RegionId | null): void;
  setWindowLevel(wl: WindowLevel | null): void;
};

export const useViewer = create<ViewerStore>((set, get) => ({
  sampleId: null,
  detail: null,
  error: null,
  showLabels: true,
  selectedRegion: null,
  windowLevel: null,
  async open(id) {
    set({ sampleId: id, error: null, selectedRegion: null, windowLevel: null });
    const result = await api()['samples:get']({ id });
    if (get().sampleId !== id) return;
    if (result.ok) {
      set({ detail: result.value });
    } else {
      set({ detail: null, error: result.error.message });
      showError('viewer', 'Cannot load the image record', result.error.message, result.error.details);
    }
  },
  async refresh() {
    const id = get().sampleId;
    if (id === null) return;
    const result = await api()['samples:get']({ id });
    if (result.ok && get().sampleId === id) set({ detail: result.value });
  },
  close() {
    set({ sampleId: null, detail: null, error: null, selectedRegion: null, windowLevel: null });
  },
  toggleLabels() {
    set({ showLabels: !get().showLabels });
  },
  selectRegion(id) {
    set({ selectedRegion: id });
  },
  setWindowLevel(windowLevel) {
    set({ windowLevel });
  },
}));
