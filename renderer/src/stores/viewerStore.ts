import { create } from 'zustand';
import type { SampleDetail, SampleId } from '../../../electron/contract';
import type { Selection } from '../tools/types';
import { api } from '../transport/current';
import { prefetchedDetail } from '../viewer/prefetch';
import { showError } from './toastStore';

export type WindowLevel = { center: number; width: number };

/** Session state of the image view; the camera lives in the stage, not here (no re-render per frame). */
type ViewerStore = {
  sampleId: SampleId | null;
  detail: SampleDetail | null;
  error: string | null;
  showLabels: boolean;
  /** A label region or a predicted region; session state, not saved. */
  selection: Selection | null;
  /** Only for 16-bit images; null until the raw pixels arrive and an initial window is measured. */
  windowLevel: WindowLevel | null;
  open(id: SampleId): Promise<void>;
  /** Re-reads the open sample's record without resetting the view (its labels changed). */
  refresh(): Promise<void>;
  close(): void;
  toggleLabels(): void;
  select(selection: Selection | null): void;
  setWindowLevel(wl: WindowLevel | null): void;
};

export const useViewer = create<ViewerStore>((set, get) => ({
  sampleId: null,
  detail: null,
  error: null,
  showLabels: true,
  selection: null,
  windowLevel: null,
  async open(id) {
    const ahead = prefetchedDetail(id);
    set({
      sampleId: id,
      error: null,
      selection: null,
      windowLevel: null,
      ...(ahead ? { detail: ahead } : {}),
    });
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
    set({ sampleId: null, detail: null, error: null, selection: null, windowLevel: null });
  },
  toggleLabels() {
    set({ showLabels: !get().showLabels });
  },
  select(selection) {
    set({ selection });
  },
  setWindowLevel(windowLevel) {
    set({ windowLevel });
  },
}));
