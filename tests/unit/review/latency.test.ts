import { describe, expect, it } from 'vitest';
import type { LabelCommand, LabelState } from '../../../electron/contract/review';
import { box, reviewProjects } from './helpers';

const projects = reviewProjects();

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

describe('edit latency', () => {
  it(
    'measures 1,000 acknowledged edits through the core (printed, not asserted)',
    { timeout: 120_000 },
    async () => {
      const { call, ids, edit } = await projects.open();
      const [id] = await ids('NG');
      let state: LabelState = await call('labels:get', { sampleId: id! });
      const timings: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const own = state.regions.filter((r) => r.origin === 'human').at(-1);
        const step = i % 6;
        const command: LabelCommand =
          step === 0 || !own
            ? { type: 'addRegion', defectType: 'pitting', shape: box(10 + (i % 300), 10, 20, 20) }
            : step === 1
              ? { type: 'updateRegion', regionId: own.id, shape: box(12 + (i % 300), 11, 22, 20) }
              : step === 2
                ? { type: 'retypeRegion', regionId: own.id, defectType: i % 2 ? 'scratch' : 'pitting' }
                : step === 3
                  ? { type: 'setText', level: 4, text: `note ${i}` }
                  : step === 4
                    ? { type: 'setVerdict', verdict: i % 2 ? 'NG' : 'unsure' }
                    : { type: 'deleteRegion', regionId: own.id };
        const started = process.hrtime.bigint();
        state = await edit(state, command);
        timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const sorted = [...timings].sort((a, b) => a - b);
      const p50 = percentile(sorted, 0.5);
      const p99 = percentile(sorted, 0.99);
      console.log(
        `labels:apply over ${timings.length} edits (dispatch + zod + commit with synchronous=FULL + new state): ` +
          `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`,
      );
      expect(timings).toHaveLength(1000);
    },
  );
});
