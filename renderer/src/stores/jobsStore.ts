import { create } from 'zustand';
import type { Job, JobId, Problem } from '../../../electron/contract';
import { call } from '../lib/call';

type JobsStore = {
  jobs: Job[];
  /** Problems reported live by job:problem, before the job's own capped list arrives. */
  live: Record<string, Problem[]>;
  load(): Promise<void>;
  upsert(job: Job): void;
  addProblem(jobId: JobId, problem: Problem): void;
  cancel(jobId: JobId): Promise<void>;
};

const LIVE_CAP = 200;

const byStart = (a: Job, b: Job) => b.startedAt.localeCompare(a.startedAt);

export const useJobs = create<JobsStore>((set, get) => ({
  jobs: [],
  live: {},
  async load() {
    const jobs = await call('jobs', 'jobs:list', {}, 'Cannot list the jobs');
    if (jobs) set({ jobs: [...jobs].sort(byStart) });
  },
  upsert(job) {
    const others = get().jobs.filter((j) => j.id !== job.id);
    set({ jobs: [...others, job].sort(byStart) });
  },
  addProblem(jobId, problem) {
    const list = get().live[jobId] ?? [];
    if (list.length >= LIVE_CAP) return;
    set({ live: { ...get().live, [jobId]: [...list, problem] } });
  },
  async cancel(jobId) {
    const job = await call('jobs', 'jobs:cancel', { jobId }, 'Cannot cancel the job');
    if (job) get().upsert(job);
  },
}));

export const isActive = (job: Job) => job.state === 'queued' || job.state === 'running';
