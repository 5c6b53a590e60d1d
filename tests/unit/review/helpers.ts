import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { asJobId, type EventName, type EventPayload, type SampleId } from '../../../electron/contract';
import type { LabelCommand, LabelState } from '../../../electron/contract/review';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';

export type Call = ReturnType<typeof testCore>['call'];

let template: string | undefined;

/** The BSData fixture (40 images, half NG with polygons) imported once per test file, through the core. */
async function bsdataTemplate(): Promise<string> {
  if (template && existsSync(template)) return template;
  const { core, call } = testCore();
  const dir = join(tempDir('review-template'), 'project');
  await call('project:create', { dir, name: 'BSData review' });
  const { jobId } = await call('import:start', { source: join(sharedData, 'bsdata'), fixtureOnly: true });
  for (;;) {
    const job = await call('jobs:get', { jobId: asJobId(jobId) });
    if (job.state === 'done') break;
    if (job.state !== 'queued' && job.state !== 'running')
      throw new Error(`import ${job.state}: ${job.message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await core.close();
  template = dir;
  return dir;
}

/**
 * A fresh copy of the imported project opened in a real core, closed after the test. `events`
 * collects everything the core emitted.
 */
export function reviewProjects() {
  const opened: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of opened.splice(0)) await close();
  });
  return {
    async open(dir?: string) {
      const projectDir = dir ?? join(tempDir('review'), 'project');
      if (!dir) cpSync(await bsdataTemplate(), projectDir, { recursive: true });
      const { core, call } = testCore();
      const events: { name: EventName; payload: EventPayload<EventName> }[] = [];
      core.subscribe((name, payload) => events.push({ name, payload }));
      await call('project:open', { dir: projectDir });
      opened.push(() => core.close());
      const ids = async (verdict: 'OK' | 'NG') =>
        (await call('samples:ids', { filter: { verdicts: [verdict] } })).ids;
      return { core, call, events, dir: projectDir, ids, edit: editor(call) };
    },
  };
}

/** Applies a command on top of the state given (the way the review screen does). */
export function editor(call: Call) {
  return (state: LabelState, command: LabelCommand, extra: { author?: string; audit?: boolean } = {}) =>
    call('labels:apply', { sampleId: state.sampleId, baseRevision: state.revision, command, ...extra });
}

export type PredictionSpec = {
  image: string;
  score: number | null;
  verdict?: 'OK' | 'NG' | 'unsure';
  regions?: { defectType?: string | null; score?: number | null; shape: unknown }[];
  texts?: Record<string, string>;
};

/** Writes a predictions file in the documented format and returns its path. */
export function predictionsFile(
  records: readonly unknown[],
  model: Record<string, unknown> = { name: 'test-model', version: '1', kind: 'anomalib' },
): string {
  const dir = tempDir('predictions');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'predictions.json');
  writeFileSync(
    file,
    JSON.stringify({ format: 'mau-studio-predictions', version: 1, model, predictions: records }),
  );
  return file;
}

export async function relPathOf(call: Call, id: SampleId): Promise<string> {
  return (await call('samples:get', { id })).relPath;
}

export const box = (x: number, y: number, w: number, h: number) => ({ kind: 'box' as const, x, y, w, h });
