import { describe, expect, it } from 'vitest';
import { methods, type Method } from '../../../electron/contract';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/create-bridge';

function fakeIpc() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<(event: unknown, message: unknown) => void>>();
  const ipc: IpcRendererLike = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return { ok: true, value: channel };
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const send = (channel: string, message: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, message);
  };
  return { ipc, invoked, send };
}

describe('preload: the bridge', () => {
  it('exposes every method of the table, each sent on its own channel', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(bridge.transport).toBe('electron');
    expect(bridge.methods).toEqual(methods);
    for (const method of methods) {
      expect(typeof bridge.api[method], method).toBe('function');
      await bridge.api[method]({} as never);
      expect(await bridge.invoke(method, { x: 1 })).toEqual({ ok: true, value: `mau:${method}` });
    }
    expect(invoked).toHaveLength(methods.length * 2);
    // The client answers only `domain:verb` names: it is no thenable, so it can be awaited or returned.
    expect((bridge.api as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(bridge.api)).toBe(bridge.api);
  });

  it('refuses names outside the table without sending them', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const name of ['fs:delete', '__proto__', 'constructor', 'mau:app:info']) {
      const result = await bridge.invoke(name as Method, {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(invoked).toHaveLength(0);
  });

  it('turns a failed IPC call into a Result instead of throwing', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke = () => Promise.reject(new Error('An object could not be cloned.'));
    const result = await createBridge(ipc).invoke('app:info', { f: () => 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers contract events without the IPC event object, until unsubscribed', () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const stop = bridge.onEvent((event) => seen.push(event));
    send('mau:event', { event: 'samples:changed', payload: { reason: 'import' } });
    send('mau:event', { event: 'not:an-event', payload: {} });
    send('mau:event', 'junk');
    expect(seen).toEqual([{ event: 'samples:changed', payload: { reason: 'import' } }]);
    stop();
    send('mau:event', { event: 'samples:changed', payload: { reason: 'labels' } });
    expect(seen).toHaveLength(1);
  });

  it('builds media URLs on the custom protocol, never file://', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(bridge.mediaUrl('thumb', 12)).toBe('mau-media://media/thumb/12');
    expect(bridge.mediaUrl('image', 3, 'a b')).toBe('mau-media://media/image/3?v=a%20b');
  });
});
