import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../electron/core/media/worker-pool';
import type { TestJob, TestResult } from './fixtures/test-worker';

const TEST_WORKER = new URL('./fixtures/test-worker.ts', import.meta.url);
const pools: WorkerPool<TestJob, TestResult>[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function newPool(size: number, entry: URL = TEST_WORKER) {
  const pool = new WorkerPool<TestJob, TestResult>({ entry, size, data: { hello: 'worker' } });
  pools.push(pool);
  return pool;
}

describe('WorkerPool', () => {
  it('runs jobs on several threads at the same time', async () => {
    const pool = newPool(3);
    // Three jobs at once start three workers; starting takes a while under tsx, so warm up first.
    await Promise.all([1, 2, 3].map(() => pool.run({ kind: 'echo' })));
    const results = await Promise.all([1, 2, 3].map(() => pool.run({ kind: 'sleep', ms: 400 })));
    expect(new Set(results.map((r) => r.threadId)).size).toBe(3);
    const latestStart = Math.max(...results.map((r) => r.start));
    const earliestEnd = Math.min(...results.map((r) => r.end));
    expect(latestStart).toBeLessThan(earliestEnd); // all three were sleeping at once
    expect(results[0]?.data).toEqual({ hello: 'worker' });
  });

  it('fails only the job whose handler throws', async () => {
    const pool = newPool(1);
    await expect(pool.run({ kind: 'throw', message: 'bad input' })).rejects.toThrow('bad input');
    await expect(pool.run({ kind: 'echo' })).resolves.toMatchObject({ data: { hello: 'worker' } });
  });

  it('survives a crashing worker: only its job fails, a new worker takes the rest', async () => {
    const pool = newPool(2);
    const jobs: TestJob[] = [
      { kind: 'echo' },
      { kind: 'crash' },
      { kind: 'echo' },
      { kind: 'sleep', ms: 10 },
      { kind: 'echo' },
    ];
    const settled = await Promise.allSettled(jobs.map((job) => pool.run(job)));
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toContain(
      'worker crashed: worker died on purpose',
    );
    await expect(pool.run({ kind: 'echo' })).resolves.toBeTruthy();
  });

  it('cancels queued and running jobs and stays usable', async () => {
    const pool = newPool(1);
    const controller = new AbortController();
    const running = pool.run({ kind: 'sleep', ms: 5_000 }, controller.signal);
    const queued = pool.run({ kind: 'echo' }, controller.signal);
    const outcomes = Promise.allSettled([running, queued]);
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    for (const outcome of await outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    }
    expect(Date.now() - started).toBeLessThan(4_000);
    await expect(pool.run({ kind: 'echo' })).resolves.toBeTruthy();
  });

  it('fails every job with the reason when the worker module cannot load', async () => {
    const pool = newPool(2, new URL('./fixtures/broken-worker.ts', import.meta.url));
    const settled = await Promise.allSettled([pool.run({ kind: 'echo' }), pool.run({ kind: 'echo' })]);
    for (const result of settled) {
      expect(result.status).toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toContain(
        'worker failed to start: cannot load this worker',
      );
    }
  });
});
