import {
  dispatch,
  type Input,
  type Job,
  type JobId,
  type Method,
  type Output,
} from '../../../electron/contract';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/core-types';
import { scratchDir } from './scratch';

export type BenchCore = {
  core: Core;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Polls the job until it ends; throws unless it ended `done`. */
  waitForJob(jobId: JobId, onProgress?: (job: Job) => void): Promise<Job>;
};

const POLL_MS = 25;

/** A real core behind dispatch, as every transport drives it, with its own settings folder. */
export function benchCore(): BenchCore {
  const core = createCore({ transport: 'http', settingsDir: scratchDir('settings') });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await dispatch(core.handlers, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as Output<M>;
  };
  const waitForJob = async (jobId: JobId, onProgress?: (job: Job) => void): Promise<Job> => {
    for (;;) {
      const job = await call('jobs:get', { jobId });
      onProgress?.(job);
      if (job.state === 'done') return job;
      if (job.state !== 'queued' && job.state !== 'running') {
        throw new Error(`job ${jobId} ended ${job.state}: ${job.message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  return { core, call, waitForJob };
}
