import type { LabelState } from '../../electron/contract/review';
import { ProjectStore } from '../../electron/core/store';
import { benchCore } from './lib/bench-core';
import { editAt } from './lib/edit-mix';
import { fixtureProject } from './lib/fixture-project';
import { removeScratch } from './lib/scratch';
import { percentile } from './lib/stats';
import type { Bench } from './lib/types';

const FULL = 1_000;
const QUICK = 200;
const WARMUP = 20;
const TARGET_P99_MS = 5;

/** The store's synchronous pragma as a connection the store opens gets it (2 = FULL). */
function synchronousLevel(dir: string): number {
  const store = ProjectStore.open(dir);
  try {
    return Number(store.db.pragma('synchronous', { simple: true }));
  } finally {
    store.close();
  }
}

const bench: Bench = {
  name: 'edit-ack',
  title: 'edit acknowledged and durable (labels:apply)',
  order: 50,
  method:
    'Imports the BSData fixture through the core, opens it, and applies edits to one image through ' +
    '`dispatch(labels:apply)` one after another, each on top of the state the previous one returned, as ' +
    'the review screen does: add a region, move it, retype it, write an L4 text, change the verdict, ' +
    'delete the region, in turn. Each edit is timed from the call to the new state in hand: zod ' +
    'validation, the transaction that writes the label and its revision, its commit with ' +
    'synchronous=FULL (an fsync of the WAL), and reading the new state back. A few untimed edits first.',
  async run({ quick, log }) {
    const count = quick ? QUICK : FULL;
    const dir = await fixtureProject('bsdata', log);
    const sync = synchronousLevel(dir);
    const bench = benchCore();
    try {
      await bench.call('project:open', { dir });
      const { ids } = await bench.call('samples:ids', { filter: { verdicts: ['NG'] } });
      const sampleId = ids[0];
      if (sampleId === undefined) throw new Error(`${dir}: the BSData fixture has no NG image`);
      let state: LabelState = await bench.call('labels:get', { sampleId });
      const timings: number[] = [];
      for (let i = 0; i < count + WARMUP; i++) {
        const command = editAt(i, state);
        const start = performance.now();
        state = await bench.call('labels:apply', { sampleId, baseRevision: state.revision, command });
        if (i >= WARMUP) timings.push(performance.now() - start);
      }
      log(`${count} edits timed`);
      const p99 = percentile(timings, 99);
      return {
        measures: [
          { name: 'edits', value: count, unit: 'edits' },
          { name: 'p50', value: percentile(timings, 50), unit: 'ms' },
          { name: 'p95', value: percentile(timings, 95), unit: 'ms' },
          { name: 'p99', value: p99, unit: 'ms', target: `< ${TARGET_P99_MS} ms`, pass: p99 < TARGET_P99_MS },
          { name: 'max', value: Math.max(...timings), unit: 'ms' },
        ],
        notes: [
          `Connection pragma synchronous = ${sync} (${sync === 2 ? 'FULL' : '**not FULL**'}), journal in WAL mode; ` +
            `the last edit left the label at revision ${state.revision}.`,
          'In-process through dispatch, without HTTP: the time the core needs to acknowledge an edit as durable. ' +
            'The renderer shows "saved ✓" once this answer reaches it.',
          'Each fsync goes to the temp folder’s disk, which other processes of this machine share.',
        ],
      };
    } finally {
      await bench.core.close();
      removeScratch();
    }
  },
};

export default bench;
