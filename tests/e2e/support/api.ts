import type { Job, Result } from '../../../electron/contract';

/** Calls one contract method on a running server, as the renderer's HTTP transport does. */
export async function callApi<T>(base: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The raw Result, for checks of refusals (CONFLICT, INVALID_INPUT). */
export async function callResult<T>(base: string, method: string, input: unknown): Promise<Result<T>> {
  const response = await fetch(new URL(`api/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as Result<T>;
}

type Api = <T>(method: string, input: unknown) => Promise<T>;

/** Polls a job through the API until it stops; fails after `ms`. */
export async function finishedJob(api: Api, jobId: string, ms = 120_000): Promise<Job> {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = await api<Job>('jobs:get', { jobId });
    if (job.state !== 'queued' && job.state !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`${job.kind} job ${jobId} did not finish in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A reviewer's verdict on one image, set as the renderer sets it (labels:get, then labels:apply). */
export async function reviewAs(api: Api, sampleId: number, verdict: 'OK' | 'NG'): Promise<void> {
  const label = await api<{ revision: number }>('labels:get', { sampleId });
  await api('labels:apply', {
    sampleId,
    baseRevision: label.revision,
    command: { type: 'setVerdict', verdict },
  });
}
