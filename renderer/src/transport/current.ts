import type { ApiClient } from '../../../electron/contract';
import { electronTransport } from './electronTransport';
import { httpTransport } from './httpTransport';
import { takeToken } from './token';
import type { MauBridge, Transport } from './types';

let current: Transport | null = null;

/** Chosen once at start-up: the preload bridge when Electron provides one, the server otherwise. */
export function startTransport(): Transport {
  const bridge = (window as unknown as { mauBridge?: MauBridge }).mauBridge;
  current = bridge
    ? electronTransport(bridge)
    : httpTransport(new URL('./', window.location.href), takeToken());
  return current;
}

export function transport(): Transport {
  if (!current) throw new Error('transport used before start-up');
  return current;
}

export function api(): ApiClient {
  return transport().api;
}
