import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, Job } from '../../../electron/contract';
import { EventBus } from '../../../electron/core/event-bus';
import { JobManager } from '../../../electron/core/jobs/job-manager';

function recordEvents(bus: EventBus) {
  const seen: { name: EventName; payload: EventPayload<EventName> }[] = [];
  bus.subscribe((name, payload) => seen.push({ name, payload }));
  return seen;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('JobManager', () => {
  it('reports progress, problems and the final count of a job', async () => {
    const bus = new EventBus();
    const seen = recordEvents(bus);
    const jobs = new JobManager(bus);
    const job = jobs.start('import', 'Import demo', async (context) => {
      context.setTotal(4);
      for (let i = 0; i < 4; i++) {
        await tick();
        context.advance(1, i === 2 ? 1 : 0);
      }
      context.problem('data/3.png', 'truncated file');
      return { added: 3 };
    });
    const finished = await jobs.wait(job.id);
    expect(finished).toMatchObject({ state: 'done', done: 4, total: 4, failed: 1, problemCount: 1 });
    expect(finished.problems).toEqual([{ file: 'data/3.png', reason: 'truncated file' }]);
    expect(jobs.report(job.id)).toEqual({ added: 3 });
    const states = seen.filter((e) => e.name === 'job:progress').map((e) => (e.payload as Job).state);
    expect(states[0]).toBe('queued');
    expect(states).toContain('running');
    expect(states.at(-1)).toBe('done');
    expect(seen.some((e) => e.name === 'job:problem')).toBe(true);
  });

  it('runs jobs one after another and cancels a queued one without running it', async () => {
    const jobs = new JobManager(new EventBus());
    const order: string[] = [];
    const first = jobs.start('import', 'first', async () => {
      order.push('first-start');
      await tick();
      order.push('first-end');
    });
    const second = jobs.start('import', 'second', async () => order.push('second'));
    const third = jobs.start('import', 'third', async () => order.push('third'));
    expect(jobs.cancel(second.id).state).toBe('cancelled');
    await jobs.wait(third.id);
    expect(order).toEqual(['first-start', 'first-end', 'third']);
    expect(jobs.get(first.id).state).toBe('done');
  });

  it('stops a running job when it is cancelled and records it as cancelled, not failed', async () => {
    const jobs = new JobManager(new EventBus());
    let steps = 0;
    const job = jobs.start('import', 'long', async (context) => {
      context.setTotal(1000);
      while (!context.signal.aborted) {
        steps += 1;
        context.advance(1);
        await tick();
      }
      throw new Error('aborted');
    });
    await tick();
    await tick();
    jobs.cancel(job.id);
    const finished = await jobs.wait(job.id);
    expect(finished.state).toBe('cancelled');
    expect(steps).toBeLessThan(1000);
  });

  it('marks a job that throws as failed with the reason', async () => {
    const jobs = new JobManager(new EventBus());
    const job = jobs.start('import', 'broken', async () => {
      throw new Error('/data/x: permission denied');
    });
    const finished = await jobs.wait(job.id);
    expect(finished).toMatchObject({ state: 'failed', message: '/data/x: permission denied' });
  });

  it('estimates the time left once a few items are done', async () => {
    const jobs = new JobManager(new EventBus());
    let etaSeen: number | null = null;
    const job = jobs.start('import', 'eta', async (context) => {
      context.setTotal(10);
      for (let i = 0; i < 5; i++) {
        await tick();
        context.advance(1);
      }
      etaSeen = jobs.get(job.id).etaMs;
    });
    await jobs.wait(job.id);
    expect(etaSeen).not.toBeNull();
    expect(etaSeen!).toBeGreaterThan(0);
  });
});
