import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Invoke } from '../../../electron/contract/client';
import { ok } from '../../../electron/contract/result';
import { sendEarly, takeEarly, takeEarlyOf, withEarlyCalls } from './earlyCalls';

afterEach(() => {
  vi.useRealTimers();
  while (takeEarlyOf('samples:ids') || takeEarlyOf('app:info')) {
    /* empty the page's registry between tests */
  }
});

describe('calls sent by the boot script', () => {
  it('answer the same call from the app once, and are not sent again', async () => {
    const sent: string[] = [];
    const invoke: Invoke = (method, input) => {
      sent.push(`${method} ${JSON.stringify(input)}`);
      return Promise.resolve(ok(sent.length));
    };
    void sendEarly(invoke, 'samples:ids', { filter: {}, sort: 'path', limit: 500 });
    const app = withEarlyCalls(invoke);
    expect(await app('samples:ids', { filter: {}, sort: 'path', limit: 500 })).toEqual(ok(1));
    expect(await app('samples:ids', { filter: {}, sort: 'path', limit: 500 })).toEqual(ok(2));
    expect(await app('samples:ids', { filter: { splits: ['test'] }, sort: 'path' })).toEqual(ok(3));
    expect(sent).toHaveLength(3);
  });

  it('are not used once they are stale', () => {
    vi.useFakeTimers();
    const invoke: Invoke = () => Promise.resolve(ok(1));
    void sendEarly(invoke, 'app:info', {});
    vi.advanceTimersByTime(11_000);
    expect(takeEarly('app:info', {})).toBeNull();
  });

  it('give a caller that can use part of an answer the input it was sent with', () => {
    const invoke: Invoke = () => Promise.resolve(ok([]));
    void sendEarly(invoke, 'samples:thumbs', { ids: [1, 2] });
    expect(takeEarlyOf('samples:thumbs')?.input).toEqual({ ids: [1, 2] });
    expect(takeEarlyOf('samples:thumbs')).toBeNull();
  });
});
