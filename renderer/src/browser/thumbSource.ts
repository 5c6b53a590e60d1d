import { useSyncExternalStore } from 'react';
import type { SampleId } from '../../../electron/contract/ids';
import { THUMBS_PER_CALL } from '../../../electron/contract/media';
import type { Result } from '../../../electron/contract/result';
import { takeEarlyOf } from '../boot/earlyCalls';
import { api } from '../transport/current';
import { holdThumbs } from './thumbLoads';

/** A tile's thumbnail: a data: URL, why there is none, or undefined while it is on its way. */
export type ThumbState = { url: string } | { error: string } | undefined;

type Thumb = { id: SampleId; url: string } | { id: SampleId; error: string };
export type ThumbsAnswer = Promise<Result<Thumb[]>>;

type Slot = {
  state: ThumbState;
  listeners: Set<() => void>;
  /** Shown until its replacement arrives: the project's images changed, or the request failed. */
  stale: boolean;
};

type Options = {
  ask(ids: SampleId[]): ThumbsAnswer;
  /** A call for thumbnails sent before this source existed (the boot script's), to use first. */
  takeEarly(): { ids: SampleId[]; answer: ThumbsAnswer } | null;
  /** Counts a call as still loading for the grid's later lists (thumbLoads.ts). */
  hold(): () => void;
  keep: number;
  /**
   * Calls go out at most this often. A fast scroll mounts a row every wheel step; between two
   * calls the rows that flew past are not asked for, only those on screen when it leaves.
   */
  spacingMs: number;
  /**
   * Resolves at the next frame. An answer's images are shown a few per frame: each is a data:
   * URL to parse and an image to lay out, and twenty in one frame made it a long one.
   */
  nextFrame(): Promise<unknown>;
};

const PER_FRAME = 6;

/**
 * Thumbnails of the tiles on screen arrive in one `samples:thumbs` call per render and are kept,
 * least recently used first out: a scroll back or a re-render shows them without asking again.
 * data: URLs, not blob: URLs: Chromium sends every blob to its browser process and back, which
 * made a first screen of 50 thumbnails 150 ms slower to show.
 */
export function createThumbSource({ ask, takeEarly, hold, keep, spacingMs, nextFrame }: Options) {
  const slots = new Map<SampleId, Slot>();
  const queued = new Set<SampleId>();
  const inFlight = new Set<SampleId>();
  let flushQueued = false;
  let lastFlush = -Infinity;
  /** Bumped when the project's images change: an answer asked for before then is not used. */
  let generation = 0;

  const slotOf = (id: SampleId): Slot => {
    let slot = slots.get(id);
    if (!slot) slots.set(id, (slot = { state: undefined, listeners: new Set(), stale: false }));
    return slot;
  };

  function trim(): void {
    for (const [id, slot] of slots) {
      if (slots.size <= keep) return;
      if (!slot.listeners.size && !inFlight.has(id)) slots.delete(id);
    }
  }

  function settle(id: SampleId, state: ThumbState, stale = false): void {
    const slot = slots.get(id);
    if (!slot) return;
    slot.state = state;
    slot.stale = stale;
    for (const listener of slot.listeners) listener();
  }

  async function load(ids: SampleId[], answer: ThumbsAnswer): Promise<void> {
    const release = hold();
    const asked = generation;
    for (const id of ids) {
      inFlight.add(id);
      slotOf(id);
    }
    try {
      const result = await answer;
      if (asked !== generation) return;
      // Not kept: the next time one of these tiles mounts, it asks again.
      if (!result.ok)
        for (const id of ids) settle(id, { error: `thumbnails: ${result.error.message}` }, true);
      const thumbs = result.ok ? result.value : [];
      for (let at = 0; at < thumbs.length; at += PER_FRAME) {
        if (at > 0) await nextFrame();
        if (asked !== generation) return;
        for (const thumb of thumbs.slice(at, at + PER_FRAME)) settle(thumb.id, thumb);
      }
    } finally {
      for (const id of ids) inFlight.delete(id);
      if (asked !== generation) for (const id of ids) if (slots.get(id)?.listeners.size) want(id);
      trim();
      // After the tiles re-rendered with their <img>s, which then count as pending themselves.
      setTimeout(release, 0);
    }
  }

  function askFor(ids: SampleId[]): void {
    const early = takeEarly();
    if (early) void load(early.ids, early.answer);
    const missing = ids.filter((id) => !inFlight.has(id));
    for (let at = 0; at < missing.length; at += THUMBS_PER_CALL) {
      const part = missing.slice(at, at + THUMBS_PER_CALL);
      void load(part, ask(part));
    }
  }

  function flush(): void {
    flushQueued = false;
    lastFlush = performance.now();
    const ids = [...queued].filter((id) => slots.get(id)?.listeners.size);
    queued.clear();
    askFor(ids);
  }

  function want(id: SampleId): void {
    if (inFlight.has(id) || queued.has(id)) return;
    queued.add(id);
    if (flushQueued) return;
    flushQueued = true;
    // Every tile of one render subscribes in the same task: they go out as one call.
    const wait = lastFlush + spacingMs - performance.now();
    if (wait > 0) setTimeout(flush, wait);
    else queueMicrotask(flush);
  }

  return {
    subscribe(id: SampleId, listener: () => void): () => void {
      const slot = slotOf(id);
      slots.delete(id); // re-inserted: most recently used last
      slots.set(id, slot);
      slot.listeners.add(listener);
      if (slot.state === undefined || slot.stale) want(id);
      return () => {
        slot.listeners.delete(listener);
        if (!slot.listeners.size) queued.delete(id);
        trim();
      };
    },
    state: (id: SampleId): ThumbState => slots.get(id)?.state,
    /**
     * Asks now for thumbnails the grid is about to show (the first screen of a list, known before
     * its tiles render), so they travel while the tiles are made instead of after.
     */
    prefetch(ids: readonly SampleId[]): void {
      askFor(ids.filter((id) => !slots.get(id)?.state && !queued.has(id)));
    },
    /**
     * The project's images changed (an import, another project): thumbnails on screen are asked
     * again and keep showing until the new ones arrive; the others are dropped.
     */
    refresh(): void {
      generation++;
      for (const [id, slot] of slots) {
        if (slot.listeners.size) {
          slot.stale = true;
          want(id);
        } else slots.delete(id);
      }
    },
  };
}

const source = createThumbSource({
  ask: (ids) => api()['samples:thumbs']({ ids }),
  takeEarly() {
    const early = takeEarlyOf('samples:thumbs');
    return early && { ids: (early.input as { ids: SampleId[] }).ids, answer: early.result as ThumbsAnswer };
  },
  hold: holdThumbs,
  keep: 600,
  spacingMs: 150,
  nextFrame: () => new Promise((resolve) => requestAnimationFrame(resolve)),
});

export const prefetchThumbs = source.prefetch;
export const refreshThumbs = source.refresh;

export function useThumb(id: SampleId): ThumbState {
  return useSyncExternalStore(
    (listener) => source.subscribe(id, listener),
    () => source.state(id),
  );
}
