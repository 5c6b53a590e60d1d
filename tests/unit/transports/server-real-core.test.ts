import { mkdtempSync, rmSync } from 'node:fs';
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

type Context = { projectDir: string; jobId: JobId; sampleIds: SampleId[] };

/**
 * One valid call per method, in an order that makes sense to a user. Keyed by Method, so a new
 * row in the api table does not compile here until it has an example.
 */
const examples: { [M in Method]: (c: Context) => Input<M> } = {
  'app:info': () => ({}),
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
  'samples:facets': () => ({}),
  'samples:get': (c) => ({ id: c.sampleIds[0]! }),
  'taxonomy:get': () => ({}),
  'project:close': () => ({}),
};

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
    const context: Context = { projectDir: join(tmp, 'project'), jobId: 'job:none' as JobId, sampleIds: [] };
    const expected = fixtureExpectations(bsdataDir);
    expect(Object.keys(examples).sort()).toEqual([...methods].sort());

    for (const method of Object.keys(examples) as Method[]) {
      const input = (examples[method] as (c: Context) => unknown)(context);
      const { status, json } = await postJson(server.url, method, input);
      expect({ method, status, json }).toMatchObject({ status: 200, json: { ok: true } });
      const value = (json as { value: unknown }).value;

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
        expect(context.sampleIds).toHaveLength(expected.verdicts.NG ?? 0);
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

  it('answers NO_PROJECT with 409 once the project is closed', async () => {
    await postJson(server.url, 'project:close', {});
    const { status, json } = await postJson(server.url, 'samples:facets', {});
    expect(status).toBe(409);
    expect(json).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });
});
