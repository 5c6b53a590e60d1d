import type { EventListener, Handlers, MediaKind } from '../contract';

export type MediaResponse = {
  body: Buffer;
  contentType: string;
  /** Changes whenever the bytes could change (content hash + kind), for HTTP caching. */
  etag: string;
};

/**
 * The whole product behind one object. Electron main, the HTTP server and the CLI are thin
 * transports over it; none of them knows what a sample or a job is.
 */
export interface Core {
  readonly handlers: Handlers;
  /** Serves image bytes for a sample; throws AppError NOT_FOUND / NO_PROJECT / FORBIDDEN. */
  readMedia(kind: MediaKind, sampleId: number): Promise<MediaResponse>;
  /** Every event of the contract's event table reaches every subscriber. */
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export type CoreOptions = {
  transport: 'electron' | 'http';
  /** Where recent projects and preferences live (default: ~/.config/mau-studio). */
  settingsDir?: string;
  version?: string;
  /** Where model packs shipped with the app live (one folder per pack); `models:list` shows them. */
  modelsDir?: string;
};
