import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../electron/server';
import { createFakeCore } from './fake-core';
import { postJson, rawRequest } from './http-helpers';

const TOKEN = 'correct-horse-battery-staple';
const json = { 'Content-Type': 'application/json' };

function socketStatus(url: string, headers: Record<string, string> = {}): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => {});
  });
}

describe('server: who may talk to it', () => {
  let server: RunningServer | undefined;
  afterEach(() => server?.close());

  it('refuses to bind beyond loopback without a token', async () => {
    await expect(startServer({ core: createFakeCore(), host: '0.0.0.0', port: 0 })).rejects.toThrow(/token/);
  });

  it('binds beyond loopback when a token is given', async () => {
    server = await startServer({ core: createFakeCore(), host: '0.0.0.0', port: 0, token: TOKEN });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  describe('with a token', () => {
    const start = async () => {
      server = await startServer({
        core: createFakeCore(),
        port: 0,
        token: TOKEN,
        staticDir: '/nonexistent',
      });
      return server;
    };

    it('answers 401 to API calls without it, and to a wrong one', async () => {
      const s = await start();
      expect((await postJson(s.url, 'app:info', {})).status).toBe(401);
      expect((await postJson(s.url, 'app:info', {}, { Authorization: 'Bearer wrong-token' })).status).toBe(
        401,
      );
      expect((await postJson(s.url, 'app:info', {}, { Authorization: `Bearer ${TOKEN}` })).status).toBe(422);
    });

    it('accepts the token as a query parameter for media and sockets', async () => {
      const s = await start();
      expect((await rawRequest(s.port, { path: '/media/image/1' })).status).toBe(401);
      expect((await rawRequest(s.port, { path: `/media/image/1?token=${TOKEN}` })).status).toBe(404);
      const ws = s.url.replace('http', 'ws');
      expect(await socketStatus(`${ws}events`)).toBe(401);
      expect(await socketStatus(`${ws}events?token=${TOKEN}`)).toBe('open');
    });

    it('sets a cookie when the page is opened with the token, and honours it', async () => {
      const s = await start();
      const page = await rawRequest(s.port, { path: `/?token=${TOKEN}` });
      const cookie = String(page.headers['set-cookie']);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      const call = await rawRequest(s.port, {
        method: 'POST',
        path: '/api/app:info',
        headers: { ...json, Cookie: cookie.split(';')[0]! },
      });
      expect(call.status).toBe(422);
      const noCookie = await rawRequest(s.port, { path: '/?token=wrong' });
      expect(noCookie.headers['set-cookie']).toBeUndefined();
    });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    server = await startServer({ core: createFakeCore(), port: 0, staticDir: '/nonexistent' });
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...json, Host: `evil.example:${server.port}` },
    });
    expect(res.status).toBe(403);
    const ok = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...json, Host: `localhost:${server.port}` },
    });
    expect(ok.status).toBe(422);
  });

  it('refuses cross-origin POSTs and sockets', async () => {
    server = await startServer({ core: createFakeCore(), port: 0, staticDir: '/nonexistent' });
    const foreign = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...json, Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const same = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...json, Origin: `http://127.0.0.1:${server.port}` },
    });
    expect(same.status).toBe(422);
    const ws = `${server.url.replace('http', 'ws')}events`;
    expect(await socketStatus(ws, { Origin: 'https://evil.example' })).toBe(403);
  });
});
