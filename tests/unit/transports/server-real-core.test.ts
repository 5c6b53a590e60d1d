import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { methods, type Input, type JobId, type Method, type SampleId } from '../../../electron/contract';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/core-types';
import { startServer, type RunningServer } from '../../../electron/server';
import { postJson, rawRequest } from './http-helpers';
import { bsdataDir, fixtureExpectations } from './run-cli';
import { repoRoot } from '../../helpers/paths';

type Context = {
  projectDir: string;
  jobId: JobId;
  sampleIds: SampleId[];
  /** The label revision the next edit is based on, and a revision to restore. */
  revision: number;
  revisionId: number;
  packId: string;
  importedPackId: string;
  exportJobId: JobId;
  inferenceJobId: JobId;
  evalJobId: JobId;
  predictionsFile: string;
  exportDir: string;
};

const testModels = join(repoRoot, 'models', 'test-models');

/**
 * One valid call per method, in an order that makes sense to a user. Keyed by Method, so a new
 * row in the api table does not compile here until it has an example.
 */
const examples: { [M in Method]: (c: Context) => Input<M> } = {
  'app:info': () => ({}),
  'app:activity': () => ({}),
  'fs:list': () => ({ dir: bsdataDir }),
  'project:create': (c) => ({ dir: c.projectDir, name: 'Ball screws' }),
  'project:open': (c) => ({ dir: c.projectDir }),
  'project:current': () => ({}),
  'import:start': () => ({ source: bsdataDir, fixtureOnly: true }),
  'jobs:list': () => ({}),
  'jobs:get': (c) => ({ jobId: c.jobId }),
  'jobs:cancel': (c) => ({ jobId: c.jobId }),
  'jobs:problems': (c) => ({ jobId: c.jobId }),
  'samples:ids': () => ({ filter: { verdicts: ['NG'] } }),
  'samples:page': (c) => ({ ids: c.sampleIds.slice(0, 5) }),
  'samples:thumbs': (c) => ({ ids: c.sampleIds.slice(0, 3) }),
  'samples:facets': () => ({}),
  'samples:get': (c) => ({ id: c.sampleIds[0]! }),
  'taxonomy:get': () => ({}),
  'labels:get': (c) => ({ sampleId: c.sampleIds[0]! }),
  'labels:apply': (c) => ({
    sampleId: c.sampleIds[0]!,
    baseRevision: c.revision,
    command: { type: 'setVerdict', verdict: 'NG' },
  }),
  'labels:undo': (c) => ({ sampleId: c.sampleIds[0]!, baseRevision: c.revision }),
  'labels:redo': (c) => ({ sampleId: c.sampleIds[0]!, baseRevision: c.revision }),
  'labels:history': (c) => ({ sampleId: c.sampleIds[0]! }),
  'labels:restore': (c) => ({
    sampleId: c.sampleIds[0]!,
    baseRevision: c.revision,
    revisionId: c.revisionId,
  }),
  'predictions:import': (c) => ({ file: c.predictionsFile }),
  'review:queue': () => ({ filter: {} }),
  'review:stats': () => ({}),
  'export:start': (c) => ({ format: 'coco', outDir: c.exportDir }),
  'export:report': (c) => ({ jobId: c.exportJobId }),
  'models:list': () => ({}),
  'models:add': () => ({ dir: join(testModels, 'anomalib-v2') }),
  'models:importOnnx': (c) => ({
    onnxPath: join(testModels, 'yolo-detect-raw', 'model.onnx'),
    kind: 'yolo',
    name: `imported-${c.sampleIds.length}`,
  }),
  'inference:start': (c) => ({
    packId: c.packId as never,
    sampleIds: c.sampleIds.slice(0, 2),
    providers: ['cpu'],
  }),
  'inference:prioritize': (c) => ({ jobId: c.inferenceJobId, sampleId: c.sampleIds[1]! }),
  'predictions:get': (c) => ({ sampleId: c.sampleIds[0]! }),
  'models:setReviewPack': () => ({ packId: null }),
  'models:reviewPacks': () => ({}),
  'inference:resumable': () => ({}),
  'jobs:resume': (c) => ({ jobId: c.inferenceJobId }),
  'eval:start': (c) => ({ model: c.packId as never, pixelMetrics: true }),
  'eval:report': (c) => ({ jobId: c.evalJobId }),
  'finetune:start': (c) => ({ base: c.packId as never, smoke: true }),
  'finetune:report': (c) => ({ jobId: c.evalJobId }),
  'models:remove': (c) => ({ packId: c.importedPackId as never }),
  'project:close': () => ({}),
};

/** Methods whose example is refused for a good reason in this sequence (still proving the route). */
const expectedRefusals: Partial<Record<Method, string>> = {
  // the inference job above finished: nothing left to put first, nothing left to resume
  'inference:prioritize': 'NOT_FOUND',
  'jobs:resume': 'CONFLICT|INVALID_INPUT|UNSUPPORTED',
  // the registered pack is not mau-gpt (training is covered by tests/unit/finetune), and an
  // evaluation job has no fine-tune report
  'finetune:start': 'INVALID_INPUT',
  'finetune:report': 'NOT_FOUND',
};

/** What a user does next with an answer: remember revisions and ids, wait for jobs to end. */
async function followUp(method: Method, value: unknown, context: Context): Promise<void> {
  const v = value as Record<string, unknown>;
  if (method.startsWith('labels:') && method !== 'labels:history') context.revision = v.revision as number;
  if (method === 'labels:history') context.revisionId = (value as { id: number }[])[0]!.id;
  if (method === 'models:add') context.packId = v.packId as string;
  if (method === 'models:importOnnx') context.importedPackId = v.packId as string;
  if (method === 'export:start') context.exportJobId = await finishedJob(v.jobId as JobId);
  if (method === 'inference:start') context.inferenceJobId = await finishedJob(v.jobId as JobId);
  if (method === 'eval:start') context.evalJobId = await finishedJob(v.jobId as JobId);
}

let serverUrl = '';
async function finishedJob(jobId: JobId): Promise<JobId> {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const { json } = await postJson(serverUrl, 'jobs:get', { jobId });
    const state = (json as { value?: { state: string } }).value?.state;
    if (state === 'done') return jobId;
    if (state === 'failed' || state === 'cancelled') throw new Error(`${jobId} ended ${state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${jobId} did not finish`);
}

/** Two predictions for fixture images, in the documented predictions file format. */
function writePredictionsFile(file: string): void {
  const rows = readFileSync(join(bsdataDir, 'manifest.csv'), 'utf8').split('\n').slice(1);
  const images = rows.filter((r) => r.endsWith(',1') && r.includes(',defect,')).map((r) => r.split(',')[0]!);
  const predictions = images.slice(0, 2).map((image) => ({
    image,
    score: 0.8,
    regions: [{ defectType: 'pitting', score: 0.7, shape: { kind: 'box', x: 10, y: 10, w: 20, h: 20 } }],
  }));
  writeFileSync(
    file,
    JSON.stringify({
      format: 'mau-studio-predictions',
      version: 1,
      model: { name: 'external', version: '1' },
      predictions,
    }),
  );
}

describe('server over the real core', () => {
  let tmp: string;
  let core: Core;
  let server: RunningServer;
  let socket: WebSocket;
  const events: { event: string; payload: { id?: string; state?: string } }[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'mau-http-'));
    core = createCore({ transport: 'http', settingsDir: join(tmp, 'settings') });
    server = await startServer({ core, port: 0, staticDir: join(tmp, 'no-renderer') });
    serverUrl = server.url;
    socket = new WebSocket(`${server.url.replace('http', 'ws')}events`);
    socket.on('message', (data) => events.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
  });
  afterAll(async () => {
    socket.close();
    await server.close();
    await core.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('answers a valid call of every method with ok, and streams the import over the socket', async () => {
    const predictionsFile = join(tmp, 'predictions.json');
    const context: Context = {
      projectDir: join(tmp, 'project'),
      jobId: 'job:none' as JobId,
      sampleIds: [],
      revision: 0,
      revisionId: 0,
      packId: '',
      importedPackId: '',
      exportJobId: 'job:none' as JobId,
      inferenceJobId: 'job:none' as JobId,
      evalJobId: 'job:none' as JobId,
      predictionsFile,
      exportDir: join(tmp, 'export-coco'),
    };
    const expected = fixtureExpectations(bsdataDir);
    expect(Object.keys(examples).sort()).toEqual([...methods].sort());

    for (const method of Object.keys(examples) as Method[]) {
      const input = (examples[method] as (c: Context) => unknown)(context);
      const { status, json } = await postJson(server.url, method, input);
      const refusal = expectedRefusals[method];
      if (refusal) {
        expect(json).toMatchObject({
          ok: false,
          error: { code: expect.stringMatching(new RegExp(refusal)) },
        });
        continue;
      }
      expect({ method, status, json }).toMatchObject({ status: 200, json: { ok: true } });
      const value = (json as { value: unknown }).value;
      await followUp(method, value, context);

      if (method === 'import:start') {
        context.jobId = (value as { jobId: JobId }).jobId;
        const end = Date.now() + 60_000;
        const finished = () =>
          events.some(
            (e) => e.event === 'job:progress' && e.payload.id === context.jobId && e.payload.state === 'done',
          );
        while (!finished() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
        expect(finished()).toBe(true);
      }
      if (method === 'samples:ids') {
        context.sampleIds = (value as { ids: SampleId[] }).ids;
        writePredictionsFile(predictionsFile);
        expect(context.sampleIds).toHaveLength(expected.verdicts.NG ?? 0);
        expect(value).toMatchObject({ total: context.sampleIds.length });
        const head = await postJson(server.url, 'samples:ids', { filter: { verdicts: ['NG'] }, limit: 2 });
        expect(head.json).toEqual({
          ok: true,
          value: { ids: context.sampleIds.slice(0, 2), total: context.sampleIds.length },
        });
      }
      if (method === 'samples:facets') expect(value).toMatchObject({ projectTotal: expected.count });
    }
    expect(events.some((e) => e.event === 'project:changed')).toBe(true);
    expect(events.some((e) => e.event === 'samples:changed')).toBe(true);
  });

  it('serves thumbnails and images of the imported samples, with revalidation', async () => {
    await postJson(server.url, 'project:open', { dir: join(tmp, 'project') });
    const { json } = await postJson(server.url, 'samples:ids', {});
    const [id] = (json as { value: { ids: number[] } }).value.ids;
    const thumb = await fetch(new URL(`media/thumb/${id}`, server.url));
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toMatch(/^image\//);
    const image = await rawRequest(server.port, { path: `/media/image/${id}` });
    expect(image.status).toBe(200);
    const etag = String(image.headers.etag);
    const again = await rawRequest(server.port, {
      path: `/media/image/${id}`,
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    const missing = await rawRequest(server.port, { path: '/media/image/999999' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves a screen of thumbnails in one call, with a reason for each that has none', async () => {
    await postJson(server.url, 'project:open', { dir: join(tmp, 'project') });
    const { json } = await postJson(server.url, 'samples:ids', {});
    const ids = (json as { value: { ids: number[] } }).value.ids.slice(0, 3);
    const batch = await postJson(server.url, 'samples:thumbs', { ids: [...ids, 999999] });
    const thumbs = (batch.json as { value: ({ id: number; url: string } | { id: number; error: string })[] })
      .value;
    expect(thumbs.map((t) => t.id)).toEqual([...ids, 999999]);
    for (const [i, id] of ids.entries()) {
      const single = Buffer.from(await (await fetch(new URL(`media/thumb/${id}`, server.url))).arrayBuffer());
      expect(thumbs[i]).toEqual({ id, url: `data:image/jpeg;base64,${single.toString('base64')}` });
    }
    expect(thumbs[3]).toEqual({ id: 999999, error: 'no sample 999999 in this project' });
    const tooMany = Array.from({ length: 201 }, (_, i) => i + 1);
    for (const input of [{ ids: [] }, { ids: [0] }, { ids: tooMany }]) {
      const refused = await postJson(server.url, 'samples:thumbs', input);
      expect(refused.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('answers NO_PROJECT with 409 once the project is closed', async () => {
    await postJson(server.url, 'project:close', {});
    const { status, json } = await postJson(server.url, 'samples:facets', {});
    expect(status).toBe(409);
    expect(json).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });
});
