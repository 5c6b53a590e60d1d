import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForegroundGate } from '../../../electron/core/jobs/foreground-gate';
import type { Handlers } from '../../../electron/contract';
import { extendingGate } from '../../../electron/core/jobs/foreground-handlers';
import { appHandlers } from '../../../electron/core/handlers/app-handlers';
import { SettingsStore } from '../../../electron/core/settings/settings';
import { InferenceQueue } from '../../../electron/core/jobs/inference-queue';

/** A clock whose sleeps advance time at once, recording how long each was. */
function fakeClock() {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

describe('ForegroundGate', () => {
  it('lets a job through at once when nobody used the app', async () => {
    const clock = fakeClock();
    const gate = new ForegroundGate(150, 1000, clock);
    expect(gate.busy).toBe(false);
    expect(await gate.waitQuiet()).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds a job until the window has been quiet for the quiet time', async () => {
    const clock = fakeClock();
    const gate = new ForegroundGate(150, 1000, clock);
    clock.t = 10;
    gate.touch();
    clock.t = 60;
    expect(gate.busy).toBe(true);
    expect(await gate.waitQuiet()).toBe(100);
    expect(clock.t).toBe(160);
    expect(gate.busy).toBe(false);
  });

  it('waits again when a request comes while it waits', async () => {
    const clock = fakeClock();
    const gate = new ForegroundGate(150, 1000, clock);
    gate.touch();
    const sleep = clock.sleep;
    let touchedAgain = false;
    clock.sleep = (ms) => {
      if (!touchedAgain) {
        touchedAgain = true;
        clock.t += 100;
        gate.touch(); // a second request of the same viewer step
        return Promise.resolve();
      }
      return sleep(ms);
    };
    expect(await gate.waitQuiet()).toBe(250);
  });

  it('never holds a job longer than the longest wait, however busy the window', async () => {
    const clock = fakeClock();
    const gate = new ForegroundGate(150, 400, clock);
    clock.sleep = (ms) => {
      clock.t += Math.min(ms, 50);
      gate.touch(); // a window that never stops asking
      return Promise.resolve();
    };
    gate.touch();
    expect(await gate.waitQuiet()).toBe(400);
  });

  it('stops waiting when the job is cancelled', async () => {
    const clock = fakeClock();
    const gate = new ForegroundGate(150, 1000, clock);
    const controller = new AbortController();
    controller.abort();
    gate.touch();
    expect(await gate.waitQuiet(controller.signal)).toBe(0);
  });
});

describe('app:activity', () => {
  it('is what tells the gate a person is using the app; other calls do not', async () => {
    const clock = fakeClock();
    const gate = new ForegroundGate(150, 1000, clock);
    const settingsDir = mkdtempSync(join(tmpdir(), 'mau-gate-'));
    const handlers = appHandlers({
      transport: 'http',
      version: 'test',
      settings: new SettingsStore(settingsDir),
      gate,
    });
    clock.t = 1000;
    await handlers['app:info']({});
    expect(gate.busy).toBe(false);
    expect(await handlers['app:activity']({})).toBeNull();
    expect(gate.busy).toBe(true);
    clock.t += 150;
    expect(gate.busy).toBe(false);
  });
});

describe('extendingGate', () => {
  it('lets the requests an input caused keep the gate shut, but not a refresh or a poll', async () => {
    const clock = fakeClock();
    const gate = new ForegroundGate(150, 1000, clock);
    const answered: string[] = [];
    const answer = (method: string) => () => answered.push(method);
    const handlers = extendingGate(
      {
        'jobs:list': answer('jobs:list'),
        'samples:get': answer('samples:get'),
      } as unknown as Handlers,
      gate,
    );
    clock.t = 1000;
    await handlers['samples:get']({ sampleId: 1 } as never); // a list re-read with nobody at the keys
    expect(gate.busy).toBe(false);
    gate.touch(); // app:activity: a key
    clock.t += 100;
    await handlers['jobs:list']({} as never); // polling does not extend
    clock.t += 100;
    expect(gate.busy).toBe(false);
    gate.touch();
    clock.t += 100;
    await handlers['samples:get']({ sampleId: 2 } as never); // the image that key asked for
    clock.t += 100;
    expect(gate.busy).toBe(true);
    clock.t += 50;
    expect(gate.busy).toBe(false);
    expect(answered).toEqual(['samples:get', 'jobs:list', 'samples:get']);
  });
});

describe('InferenceQueue.nextIsUrgent', () => {
  it('is true only while the image someone asked for is next', () => {
    const queue = new InferenceQueue<{ id: number }>();
    queue.fill([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(queue.nextIsUrgent()).toBe(false);
    queue.prioritize(3);
    expect(queue.nextIsUrgent()).toBe(true);
    expect(queue.next()).toEqual({ id: 3 });
    expect(queue.nextIsUrgent()).toBe(false);
    queue.next();
    queue.next();
    expect(queue.nextIsUrgent()).toBe(false);
  });
});
