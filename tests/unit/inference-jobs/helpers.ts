import { join } from 'node:path';
import {
  asJobId,
  dispatch,
  type EventName,
  type EventPayload,
  type Input,
  type Job,
  type Method,
  type Output,
} from '../../../electron/contract';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/core-types';
import { repoRoot, sharedData, tempDir } from '../../helpers/paths';

export const TEST_MODELS = join(repoRoot, 'models/test-models');
export const NEU_DET = join(sharedData, 'neu-det');

export type Call = <M extends Method>(m: M, input: Input<M>) => Promise<Output<M>>;
export type TestCore = {
  core: Core;
  call: Call;
  /** The error a call ends with, as "CODE message details". */
  failure: <M extends Method>(m: M, input: Input<M>) => Promise<string>;
  events: <E extends EventName>(name: E) => EventPayload<E>[];
};

/** A real core (shipped packs: the test models) driven through dispatch like every transport. */
export function inferenceCore(modelsDir = TEST_MODELS): TestCore {
  const core = createCore({ transport: 'http', settingsDir: tempDir('settings'), modelsDir });
  const seen: { name: EventName; payload: unknown }[] = [];
  core.subscribe((name, payload) => seen.push({ name, payload }));
  const call: Call = async (method, input) => {
    const result = await dispatch(core.handlers, method, input);
    if (!result.ok)
      throw new Error(
        `${method}: ${result.error.code} ${result.error.message} ${result.error.details?.join('; ') ?? ''}`,
      );
    return result.value as Output<typeof method>;
  };
  const failure: TestCore['failure'] = async (method, input) => {
    const result = await dispatch(core.handlers, method, input);
    if (result.ok) throw new Error(`${method} succeeded, a failure was expected`);
    return `${result.error.code} ${result.error.message} ${result.error.details?.join('; ') ?? ''}`;
  };
  const events = <E extends EventName>(name: E) =>
    seen.filter((e) => e.name === name).map((e) => e.payload as EventPayload<E>);
  return { core, call, failure, events };
}

export async function waitForJob(call: Call, jobId: string): Promise<Job> {
  for (;;) {
    const job = await call('jobs:get', { jobId: asJobId(jobId) });
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A project holding the NEU-DET fixture rows (42 steel-surface images, 200×200). */
export async function neuDetProject(call: Call): Promise<string> {
  const dir = join(tempDir('project'), 'steel');
  await call('project:create', { dir, name: 'Steel' });
  const { jobId } = await call('import:start', { source: NEU_DET, fixtureOnly: true });
  const job = await waitForJob(call, jobId);
  if (job.state !== 'done' || job.done !== 42) throw new Error(`fixture import: ${job.state} ${job.message}`);
  return dir;
}
