import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/server';
import { createFakeCore } from './fake-core';
import { rawRequest } from './http-helpers';

describe('server: the renderer build', () => {
  let root: string;
  let server: RunningServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mau-static-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>MAU</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'app-1234.css'), 'body{}');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    writeFileSync(join(dist, '.env'), 'TOKEN=1');
    symlinkSync(join(root, 'secret.txt'), join(dist, 'assets', 'link.txt'));
    server = await startServer({ core: createFakeCore(), port: 0, staticDir: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html with a strict CSP and nosniff', async () => {
    const res = await rawRequest(server.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their MIME types', async () => {
    const js = await rawRequest(server.port, { path: '/assets/app-1234.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await rawRequest(server.port, { path: '/assets/app-1234.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client-side routes, not for missing files', async () => {
    const route = await rawRequest(server.port, { path: '/review/42' });
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>MAU</title>');
    expect((await rawRequest(server.port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.txt',
      '/.env',
      '/%00index.html',
    ]) {
      const res = await rawRequest(server.port, { path });
      expect(res.text, path).not.toContain('do not serve');
      expect(res.text, path).not.toContain('TOKEN=1');
      expect([400, 403, 404], path).toContain(res.status);
    }
  });

  it('explains how to build the renderer when there is no build', async () => {
    const bare = await startServer({
      core: createFakeCore(),
      port: 0,
      staticDir: join(root, 'nothing-here'),
    });
    try {
      const res = await rawRequest(bare.port, { path: '/' });
      expect(res.text).toContain('npm run build:renderer');
      expect(res.headers['content-security-policy']).toBeDefined();
    } finally {
      await bare.close();
    }
  });
});
