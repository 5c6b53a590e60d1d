import type { EventName, EventPayload, MediaKind, Method, Result, ApiClient } from '../contract';

/** One event as it crosses the bridge; `event` narrows `payload`. */
export type BridgeEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/**
 * What the preload puts on `window.mauBridge`. The renderer imports this type only; `invoke` has
 * the shape of the contract's `Invoke`, so `createClient(window.mauBridge.invoke)` works too.
 */
export type MauBridge = {
  readonly transport: 'electron';
  /** Every method of the api table, in table order. */
  readonly methods: readonly Method[];
  /** One function per contract method (the same as calling `invoke`). */
  readonly api: ApiClient;
  invoke(method: Method, input: unknown): Promise<Result<unknown>>;
  /** Returns the function that unsubscribes. */
  onEvent(listener: (event: BridgeEvent) => void): () => void;
  /** A `mau-media:` URL for <img src> and fetch; `version` busts caches when the file changes. */
  mediaUrl(kind: MediaKind, sampleId: number, version?: string): string;
};
