import type { ApiClient, EventName, EventPayload, MediaKind, SampleId } from '../../../electron/contract';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** A contract event whose payload has already been checked against the event table. */
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

/** What the whole renderer holds: the contract client plus the transport's media and event channels. */
export type Transport = {
  kind: 'electron' | 'http';
  api: ApiClient;
  mediaUrl(kind: MediaKind, id: SampleId, version?: string): string;
  onEvent(listener: (event: AppEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
};

export type { MauBridge } from '../../../electron/preload/bridge-types';
