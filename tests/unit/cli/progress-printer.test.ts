import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../electron/contract';
import { asJobId } from '../../../electron/contract/ids';
import { createProgressPrinter } from '../../../electron/cli/import-progress';

const job = (done: number, message: string, state: Job['state'] = 'running'): Job => ({
  id: asJobId('job:1'),
  kind: 'inference',
  title: 'Inference: pack 1.0',
  state,
  done,
  total: 10,
  failed: 0,
  startedAt: '2026-12-02T00:00:00.000Z',
  finishedAt: null,
  etaMs: null,
  message,
  problems: [],
  problemCount: 0,
  outcome: {},
});

function logPrinter() {
  const lines: string[] = [];
  const printer = createProgressPrinter({
    out: () => undefined,
    err: (text) => lines.push(text),
    stderrIsTTY: false,
    env: {},
  });
  return { lines, printer };
}

afterEach(() => vi.useRealTimers());

describe('job progress in a log (not a terminal)', () => {
  it('prints the job’s message when it changes, not on every line', () => {
    vi.useFakeTimers();
    const { lines, printer } = logPrinter();
    const session = 'pack 1.0 on cpu (fell back from webgpu: no Vulkan driver is installed)';
    printer.update(job(1, session));
    vi.advanceTimersByTime(2500);
    printer.update(job(5, session));
    vi.advanceTimersByTime(2500);
    printer.update(job(8, 'pack 1.0 on cpu, 1 image failed'));
    printer.update(job(10, 'pack 1.0 on cpu, 1 image failed', 'done'));
    expect(lines).toEqual([
      `Inference: pack 1.0: 1/10 (10%) · ${session}\n`,
      'Inference: pack 1.0: 5/10 (50%)\n',
      'Inference: pack 1.0: 8/10 (80%) · pack 1.0 on cpu, 1 image failed\n',
      'Inference: pack 1.0: 10/10 (100%)\n',
    ]);
  });

  it('keeps to a line every two seconds while the state stays the same', () => {
    vi.useFakeTimers();
    const { lines, printer } = logPrinter();
    for (let done = 1; done <= 5; done++) printer.update(job(done, 'm'));
    expect(lines).toHaveLength(1);
  });
});
