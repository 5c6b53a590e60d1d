import { create } from 'zustand';
import type { SampleId } from '../../../electron/contract';
import type { ReviewStats } from '../../../electron/contract/review';
import { call } from '../lib/call';
import { useBrowser } from './browserStore';
import { showInfo } from './toastStore';

const STORAGE_KEY = 'mau.review.v1';

/** How the queue is built: a setting of this workstation, kept across sessions. */
export type ReviewOptions = {
  /** The decision threshold on image scores the queue orders by. */
  threshold: number;
  /** Share of the images the model passed that come back as blind audits (0..1). */
  auditShare: number;
};

export const DEFAULT_OPTIONS: ReviewOptions = { threshold: 0.5, auditShare: 0.05 };

function readOptions(): ReviewOptions {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const saved = raw ? (JSON.parse(raw) as Partial<ReviewOptions>) : {};
    const unit = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 0 && v <= 1 ? v : fallback);
    return { threshold: unit(saved.threshold, 0.5), auditShare: unit(saved.auditShare, 0.05) };
  } catch {
    return DEFAULT_OPTIONS;
  }
}

type ReviewStore = {
  /** Walking the review queue (not the grid's order). */
  active: boolean;
  ids: SampleId[];
  audits: SampleId[];
  index: number;
  /** For the images the grid's filter selects: how many are reviewed and left. */
  stats: ReviewStats | null;
  options: ReviewOptions;
  setOptions(options: ReviewOptions): void;
  /** Asks the queue for the grid's filter; false when there is nothing to review. */
  start(): Promise<SampleId | null>;
  stop(): void;
  setIndex(index: number): void;
  isAudit(id: SampleId | null): boolean;
  refreshStats(): Promise<void>;
};

let statsRequest = 0;

export const useReview = create<ReviewStore>((set, get) => ({
  active: false,
  ids: [],
  audits: [],
  index: 0,
  stats: null,
  options: readOptions(),
  setOptions(options) {
    set({ options });
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(options));
    } catch {
      // kept for this session only
    }
  },
  async start() {
    const filter = useBrowser.getState().filter;
    const { threshold, auditShare } = get().options;
    const queue = await call(
      'browser',
      'review:queue',
      { filter, threshold, auditShare },
      'Cannot build the review queue',
    );
    if (!queue) return null;
    const first = queue.ids[0];
    if (first === undefined) {
      showInfo('browser', 'Nothing to review', 'No image matches the filter.');
      return null;
    }
    set({ active: true, ids: queue.ids, audits: queue.audits, index: 0 });
    void get().refreshStats();
    return first;
  },
  stop() {
    set({ active: false, ids: [], audits: [], index: 0 });
  },
  setIndex(index) {
    set({ index });
  },
  isAudit(id) {
    return id !== null && get().active && get().audits.includes(id);
  },
  async refreshStats() {
    const mine = ++statsRequest;
    const filter = useBrowser.getState().filter;
    const stats = await call('filters', 'review:stats', { filter }, 'Cannot count the images left to review');
    if (stats && mine === statsRequest) set({ stats });
  },
}));
