import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { asJobId } from '../../../electron/contract';
import { startServer, type RunningServer } from '../../../electron/server';
import { createFakeCore, type FakeCore } from './fake-core';
import { rawRequest } from './http-helpers';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

function openSocket(url: string): Promise<{ ws: WebSocket; messages: string[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages: string[] = [];
    ws.on('message', (data) => messages.push(String(data)));
    ws.on('open', () => resolve({ ws, messages }));
    ws.on('error', reject);
  });
}

async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('server: media and events', () => {
  let core: FakeCore;
  let server: RunningServer;

  beforeEach(async () => {
    core = createFakeCore({}, { 'image/7': { body: png, contentType: 'image/png', etag: 'abc-image' } });
    server = await startServer({ core, port: 0, staticDir: '/nonexistent' });
  });
  afterEach(() => server.close());

  it('serves media bytes with type, ETag and private caching, and 304 on revalidation', async () => {
    const res = await fetch(new URL('media/image/7', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/^private/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    const etag = res.headers.get('etag')!;
    expect(etag).toBe('"abc-image"');
    const again = await rawRequest(server.port, {
      path: '/media/image/7',
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers media errors with a status and a Result body', async () => {
    const missing = await rawRequest(server.port, { path: '/media/image/8' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await rawRequest(server.port, { path: '/media/bogus/7' })).status).toBe(404);
    expect((await rawRequest(server.port, { path: '/media/image/-1' })).status).toBe(404);
  });

  it('sends every core event to every socket as {event, payload}', async () => {
    const a = await openSocket(`${server.url.replace('http', 'ws')}events`);
    const b = await openSocket(`${server.url.replace('http', 'ws')}events`);
    core.emit('samples:changed', { reason: 'import' });
    core.emit('job:problem', { jobId: asJobId('job:x1'), file: 'a.png', reason: 'truncated' });
    await until(() => a.messages.length === 2 && b.messages.length === 2);
    expect(JSON.parse(a.messages[0]!)).toEqual({ event: 'samples:changed', payload: { reason: 'import' } });
    expect(JSON.parse(b.messages[1]!)).toMatchObject({ event: 'job:problem', payload: { file: 'a.png' } });
    a.ws.close();
    b.ws.close();
  });

  it('answers a ping and closes on anything else', async () => {
    const { ws, messages } = await openSocket(`${server.url.replace('http', 'ws')}events`);
    ws.send('ping');
    await until(() => messages.includes('pong'));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ method: 'project:close' }));
    expect(await closed).toBe(1008);
  });

  it('stops listening to the core when closed', async () => {
    expect(core.listenerCount()).toBe(1);
    await server.close();
    expect(core.listenerCount()).toBe(0);
  });
});
