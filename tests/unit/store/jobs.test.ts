import { describe, expect, it } from 'vitest';
import type { Job } from '../../../electron/contract/domain';
import { asJobId } from '../../../electron/contract/ids';
import { ProjectStore } from '../../../electron/core/store';
import { tempProjects } from './helpers';

const temp = tempProjects();

function job(id: string, overrides: Partial<Job> = {}): Job {
  return {
    id: asJobId(id),
    kind: 'import',
    title: 'Import bsdata',
    state: 'running',
    done: 0,
    total: 100,
    failed: 0,
    startedAt: '2025-01-01T10:00:00.000Z',
    finishedAt: null,
    etaMs: null,
    message: '',
    problems: [],
    problemCount: 0,
    outcome: {},
    ...overrides,
  };
}

describe('jobs', () => {
  it('remembers a finished import, its progress and its full report after the project is reopened', () => {
    const { store } = temp.newProject();
    const params = { source: '/data/bsdata', format: 'auto' };
    store.saveJob(job('job:import-1'), params);
    store.saveJob(job('job:import-1', { done: 40, etaMs: 1200, message: 'reading images' }));
    const problems = [{ file: 'S1_9.png', reason: 'truncated' }];
    const finished = job('job:import-1', {
      state: 'done',
      done: 100,
      failed: 1,
      finishedAt: '2025-01-01T10:01:00.000Z',
      problems,
      problemCount: 1,
      outcome: { added: 99, updated: 0, unchanged: 0, moved: 0, failed: 1 },
    });
    const report = { added: 99, updated: 0, unchanged: 0, moved: 0, failed: 1, problems };
    store.saveJob(finished, undefined, report);

    store.close();
    const reopened = temp.track(ProjectStore.open(store.dir));
    expect(reopened.listJobs(10)).toEqual([finished]);
    expect(reopened.getJob('job:import-1')).toEqual(finished);
    expect(reopened.getJobReport('job:import-1')).toEqual(report);
    expect(reopened.getJobParams('job:import-1')).toEqual(params);
    expect(reopened.getJobReport('job:nope')).toBeUndefined();
    expect(reopened.getJob('job:nope')).toBeUndefined();
  });

  it('lists the newest jobs first, as many as asked', () => {
    const { store } = temp.newProject();
    for (let i = 1; i <= 5; i++)
      store.saveJob(job(`job:j${i}`, { startedAt: `2025-01-0${i}T00:00:00.000Z` }));
    expect(store.listJobs(3).map((j) => j.id)).toEqual(['job:j5', 'job:j4', 'job:j3']);
    expect(store.listJobs(0)).toEqual([]);
  });
});
