import { create } from 'zustand';
import type { SampleId, SampleSummary } from '../../../electron/contract';
import { call } from '../lib/call';

const PAGE = 500;
const cache = new Map<SampleId, SampleSummary>();
// Rows known to match the store; stale rows stay on screen until their fresh copy arrives.
const fresh = new Set<SampleId>();
const inflight = new Set<SampleId>();
// Answers to requests sent before an invalidation describe stale rows and are dropped.
let generation = 0;

/**
 * `version` is bumped whenever rows arrive or the cache is dropped (tiles re-read on change);
 * `generation` only when the cache is dropped (the grid asks its visible rows again).
 */
export const useSampleCache = create<{ version: number; generation: number }>(() => ({
  version: 0,
  generation: 0,
}));
const bump = () => useSampleCache.setState((s) => ({ version: s.version + 1 }));

export function getSummary(id: SampleId): SampleSummary | undefined {
  return cache.get(id);
}

/** Whether every one of these rows is known and current, or on its way. */
export function summariesCovered(ids: readonly SampleId[]): boolean {
  return ids.every((id) => fresh.has(id) || inflight.has(id));
}

/**
 * Fetches the rows of ids not yet known, in pages; a visible-rows window asks for itself only.
 * Resolves when the rows asked here have arrived (or failed).
 */
export function ensureSummaries(ids: readonly SampleId[]): Promise<void> {
  const missing = ids.filter((id) => !fresh.has(id) && !inflight.has(id));
  const chunks: Promise<void>[] = [];
  for (let i = 0; i < missing.length; i += PAGE) {
    chunks.push(fetchChunk(missing.slice(i, i + PAGE), generation));
  }
  return Promise.all(chunks).then(() => undefined);
}

async function fetchChunk(ids: SampleId[], asked: number): Promise<void> {
  for (const id of ids) inflight.add(id);
  const rows = await call('browser', 'samples:page', { ids }, 'Cannot load the image list');
  if (asked !== generation) return;
  for (const id of ids) inflight.delete(id);
  if (!rows) return;
  for (const row of rows) {
    cache.set(row.id, row);
    fresh.add(row.id);
  }
  bump();
}

/** The store changed: every row is re-read when next on screen. `forget` also drops them (new project). */
export function invalidateSummaries(forget = false): void {
  generation++;
  fresh.clear();
  inflight.clear();
  if (forget) cache.clear();
  useSampleCache.setState((s) => ({ version: s.version + 1, generation }));
}
