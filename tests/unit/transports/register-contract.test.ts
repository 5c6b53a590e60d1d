import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { methods, type Result } from '../../../electron/contract';
import { registerContract, type IpcMainLike } from '../../../electron/main/register-contract';
import { createSenderCheck } from '../../../electron/main/sender-check';
import type { BridgeEvent } from '../../../electron/preload/bridge-types';
import { createFakeCore } from './fake-core';

type Listener = Parameters<IpcMainLike['handle']>[1];

const rendererDir = '/opt/mau-studio/resources/app.asar/dist/renderer';
const ownPage = pathToFileURL(join(rendererDir, 'index.html')).href;

function setUp() {
  const handlers = new Map<string, Listener>();
  const sent: BridgeEvent[] = [];
  const core = createFakeCore({ 'project:current': () => null });
  const stop = registerContract({
    ipc: { handle: (channel, listener) => handlers.set(channel, listener) },
    core,
    isTrustedSender: createSenderCheck({ rendererDir, devServerUrl: 'http://localhost:5174/' }),
    broadcast: (message) => sent.push(message),
  });
  const call = (method: string, input: unknown, url: string | null = ownPage): Promise<Result<unknown>> =>
    handlers.get(`mau:${method}`)!({ senderFrame: url === null ? null : { url } }, input);
  return { handlers, sent, core, stop, call };
}

describe('electron main: contract registration', () => {
  it('registers one handler per method of the table, and nothing else', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(methods.map((m) => `mau:${m}`).sort());
  });

  it('dispatches calls from our own page', async () => {
    const { call } = setUp();
    expect(await call('project:current', {})).toEqual({ ok: true, value: null });
    expect(await call('project:current', {}, 'http://localhost:5174/review')).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses calls from any other frame with FORBIDDEN, before the core sees them', async () => {
    const { call, core } = setUp();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      `file://${rendererDir}/../../evil.html`,
      'http://localhost:9999/',
      'about:blank',
      null,
    ]) {
      const result = await call('project:current', {}, url);
      expect(result, String(url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(core.calls).toHaveLength(0);
  });

  it('validates input like every transport', async () => {
    const { call, core } = setUp();
    const result = await call('project:open', { dir: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(core.calls).toHaveLength(0);
  });

  it('forwards every core event to the windows until stopped', () => {
    const { core, sent, stop } = setUp();
    core.emit('project:changed', { dir: '/data/p1' });
    expect(sent).toEqual([{ event: 'project:changed', payload: { dir: '/data/p1' } }]);
    stop();
    core.emit('project:changed', { dir: null });
    expect(sent).toHaveLength(1);
  });
});
