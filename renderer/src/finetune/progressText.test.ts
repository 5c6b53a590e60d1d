import { describe, expect, it } from 'vitest';
import type { Job } from '../../../electron/contract';
import { lossOf, phaseOf, withLoss } from './progressText';

const job = (patch: Partial<Job>): Job => ({
  id: 'job:1' as Job['id'],
  kind: 'training',
  title: 'Fine-tune mau-gpt-tiny 0.1.0',
  state: 'running',
  done: 0,
  total: 0,
  failed: 0,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  etaMs: null,
  message: '',
  problems: [],
  problemCount: 0,
  outcome: {},
  ...patch,
});

describe('reading a fine-tune job’s progress', () => {
  it('reads step and loss from the training message the core writes', () => {
    expect(lossOf('adapter step 3/12, loss 1.2345')).toEqual({ step: 3, loss: 1.2345 });
    expect(lossOf('MAU-Set export: 4/40 images')).toBeNull();
    expect(lossOf('adapter step 3/12, loss NaN')).toBeNull();
  });

  it('keeps each step once and in order, however often an event repeats it', () => {
    let points = withLoss([], 'adapter step 1/4, loss 2.0000');
    points = withLoss(points, 'adapter step 1/4, loss 2.0000');
    points = withLoss(points, 'training the AMoE-LoRA adapter…');
    points = withLoss(points, 'adapter step 3/4, loss 1.5000');
    expect(points).toEqual([
      { step: 1, loss: 2 },
      { step: 3, loss: 1.5 },
    ]);
    expect(withLoss(points, 'adapter step 2/4, loss 1.7000')).toBe(points);
  });

  it('tells export, training and comparison apart from the job’s counts', () => {
    expect(phaseOf(undefined)).toBe('waiting');
    expect(phaseOf(job({ state: 'queued' }))).toBe('waiting');
    expect(phaseOf(job({ total: 0, message: 'MAU-Set export: 1/40 images' }))).toBe('exporting');
    expect(phaseOf(job({ done: 3, total: 12 }))).toBe('training');
    expect(phaseOf(job({ done: 12, total: 12 }))).toBe('comparing');
    expect(phaseOf(job({ state: 'done', done: 12, total: 12 }))).toBe('finished');
  });
});
