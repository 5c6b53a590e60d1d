import { create } from 'zustand';
import type { Result, SampleId } from '../../../electron/contract';
import type { LabelCommand, LabelState } from '../../../electron/contract/review';
import { api } from '../transport/current';
import { showError, showInfo } from './toastStore';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Builds the call from the newest state of the image, at the moment it is the queue's turn. */
type Write = (base: LabelState) => Promise<Result<LabelState>> | null;

type LabelStore = {
  sampleId: SampleId | null;
  /** The image's label as the store last acknowledged it; null while loading. */
  state: LabelState | null;
  save: SaveState;
  /** Shown as a blind audit (review queue): the model's output is hidden and edits carry the flag. */
  audit: boolean;
  load(id: SampleId, audit?: boolean): Promise<void>;
  reload(): Promise<void>;
  clear(): void;
  /** One label command; `build` sees the state it applies to (earlier queued edits included). */
  apply(build: (state: LabelState) => LabelCommand | null): Promise<LabelState | null>;
  undo(): Promise<LabelState | null>;
  redo(): Promise<LabelState | null>;
  restore(revisionId: number): Promise<LabelState | null>;
  /** A `labels:changed` event: another window or tab may have written this image. */
  changed(sampleId: SampleId, revision: number): void;
  /** Reads an image's label ahead of time (the next one in a queue). */
  prefetch(id: SampleId): void;
};

// The newest acknowledged state per image, so a write queued before moving on still has its base.
const known = new Map<SampleId, LabelState>();
const KNOWN_MAX = 16;
let queue: Promise<unknown> = Promise.resolve();
let pending = 0;
// Writes queued before a conflict on an image were meant for the state it no longer has.
const dropBefore = new Map<SampleId, number>();
let ticket = 0;

function remember(state: LabelState): void {
  known.delete(state.sampleId);
  known.set(state.sampleId, state);
  if (known.size > KNOWN_MAX) known.delete(known.keys().next().value as SampleId);
}

export const useLabels = create<LabelStore>((set, get) => {
  const fetchState = async (id: SampleId): Promise<LabelState | null> => {
    const result = await api()['labels:get']({ sampleId: id });
    if (!result.ok) {
      showError('viewer', 'Cannot read the labels of this image', result.error.message, [
        `labels:get → ${result.error.code}`,
        ...(result.error.details ?? []),
      ]);
      return null;
    }
    remember(result.value);
    return result.value;
  };

  const accept = (state: LabelState) => {
    const mine = known.get(state.sampleId);
    if (mine && mine.revision > state.revision) return;
    remember(state);
    if (get().sampleId === state.sampleId) set({ state });
  };

  const enqueue = (id: SampleId, write: Write, what: string): Promise<LabelState | null> => {
    const mine = ++ticket;
    pending++;
    set({ save: 'saving' });
    const run = async (): Promise<LabelState | null> => {
      if ((dropBefore.get(id) ?? 0) >= mine) return null;
      const base = known.get(id) ?? (await fetchState(id));
      if (!base) return null;
      const call = write(base);
      if (!call) return base;
      const result = await call;
      if (result.ok) {
        accept(result.value);
        return result.value;
      }
      if (result.error.code === 'CONFLICT') {
        dropBefore.set(id, ticket);
        showInfo('viewer', 'Changed in another window — showing the newer state', result.error.message);
        const fresh = await fetchState(id);
        if (fresh) accept(fresh);
      } else {
        showError('viewer', what, result.error.message, [
          `${result.error.code}`,
          ...(result.error.details ?? []),
        ]);
      }
      throw new Error(result.error.message);
    };
    const done = queue.then(run);
    queue = done.catch(() => undefined);
    return done.then(
      (state) => {
        if (--pending === 0 && get().save !== 'failed') set({ save: 'saved' });
        return state;
      },
      () => {
        pending--;
        set({ save: 'failed' });
        return null;
      },
    );
  };

  const guarded = (base: LabelState) => ({
    sampleId: base.sampleId,
    baseRevision: base.revision,
  });

  return {
    sampleId: null,
    state: null,
    save: 'idle',
    audit: false,
    async load(id, audit = false) {
      const cached = known.get(id);
      set({ sampleId: id, state: cached ?? null, audit, save: pending ? 'saving' : 'idle' });
      // Queued writes for the image land first, so the read is never older than what was typed.
      await queue;
      const fresh = await fetchState(id);
      if (fresh && get().sampleId === id) set({ state: fresh });
    },
    async reload() {
      const id = get().sampleId;
      if (id === null) return;
      const fresh = await fetchState(id);
      if (fresh) accept(fresh);
    },
    clear() {
      set({ sampleId: null, state: null, audit: false });
    },
    apply(build) {
      const id = get().sampleId;
      if (id === null) return Promise.resolve(null);
      const audit = get().audit;
      return enqueue(
        id,
        (base) => {
          const command = build(base);
          if (!command) return null;
          return api()['labels:apply']({ ...guarded(base), command, ...(audit ? { audit: true } : {}) });
        },
        'The change was not saved',
      );
    },
    undo() {
      const id = get().sampleId;
      if (id === null) return Promise.resolve(null);
      return enqueue(
        id,
        (base) => (base.canUndo ? api()['labels:undo'](guarded(base)) : null),
        'Cannot undo',
      );
    },
    redo() {
      const id = get().sampleId;
      if (id === null) return Promise.resolve(null);
      return enqueue(
        id,
        (base) => (base.canRedo ? api()['labels:redo'](guarded(base)) : null),
        'Cannot redo',
      );
    },
    restore(revisionId) {
      const id = get().sampleId;
      if (id === null) return Promise.resolve(null);
      return enqueue(
        id,
        (base) => api()['labels:restore']({ ...guarded(base), revisionId }),
        `Cannot restore revision ${revisionId}`,
      );
    },
    prefetch(id) {
      if (!known.has(id)) void fetchState(id);
    },
    changed(sampleId, revision) {
      const mine = known.get(sampleId);
      if (mine && mine.revision >= revision) return;
      if (get().sampleId !== sampleId) {
        known.delete(sampleId);
        return;
      }
      // After our own queued writes: their answers may already carry this revision.
      void queue.then(() => {
        const now = known.get(sampleId);
        if (!now || now.revision < revision) void get().reload();
      });
    },
  };
});

/**
 * Every image's prediction may have changed (another pack is under review): states read ahead
 * are dropped and the one on screen is read again, staying on screen until the new one arrives.
 */
export function refetchLabels(): Promise<void> {
  const current = useLabels.getState().sampleId;
  for (const id of [...known.keys()]) if (id !== current) known.delete(id);
  return useLabels.getState().reload();
}

/** Test seam: forget every cached state (a new project). */
export function forgetLabels(): void {
  known.clear();
  dropBefore.clear();
  useLabels.getState().clear();
}
