import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, methods } from '../../../electron/contract';
import { startServer, type RunningServer } from '../../../electron/server';
import { createFakeCore, type FakeCore } from './fake-core';
import { postJson, rawRequest } from './http-helpers';

const appInfo = {
  version: '0.0.0',
  transport: 'http',
  platform: 'linux',
  homeDir: '/home/qa',
  recentProjects: [],
};

describe('server: the contract over HTTP', () => {
  let core: FakeCore;
  let server: RunningServer;

  beforeEach(async () => {
    core = createFakeCore({ 'app:info': () => appInfo as never });
    server = await startServer({ core, port: 0, staticDir: '/nonexistent' });
  });
  afterEach(() => server.close());

  it('answers every method of the table exactly as dispatch does', async () => {
    for (const method of methods) {
      const direct = await dispatch(core.handlers, method, {});
      const { json } = await postJson(server.url, method, {});
      expect(json, method).toEqual(direct);
    }
  });

  it('wraps a value in an ok Result with status 200', async () => {
    const { status, json } = await postJson(server.url, 'app:info', {});
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, value: appInfo });
  });

  it('accepts an empty body as no input', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses invalid input with INVALID_INPUT and 400, naming the field', async () => {
    const { status, json } = await postJson(server.url, 'project:open', { dir: 42 });
    expect(status).toBe(400);
    expect(json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(json)).toContain('dir');
    expect(core.calls).toHaveLength(0);
  });

  it('maps core error codes to HTTP statuses', async () => {
    const { status, json } = await postJson(server.url, 'taxonomy:get', {});
    expect(status).toBe(422);
    expect(json).toEqual({ ok: false, error: { code: 'UNSUPPORTED', message: 'fake core: taxonomy:get' } });
  });

  it('answers an unknown method with NOT_FOUND', async () => {
    const { status, json } = await postJson(server.url, 'project:delete-everything', {});
    expect(status).toBe(404);
    expect(json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses bodies that are not JSON', async () => {
    const res = await fetch(new URL('api/app:info', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    const broken = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { 'Content-Type': 'application/json' },
      body: '{nope',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses bodies over 10 MB', async () => {
    const big = JSON.stringify({ dir: 'x'.repeat(10 * 1024 * 1024 + 10) });
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/project:open',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    }).catch(() => ({ status: 413, text: '' }));
    expect(res.status).toBe(413);
    expect(core.calls).toHaveLength(0);
  });

  it('refuses GET on an API method', async () => {
    const res = await rawRequest(server.port, { path: '/api/app:info' });
    expect(res.status).toBe(405);
  });
});
