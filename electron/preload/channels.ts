import { MEDIA_SCHEME, mediaPath, type MediaKind, type Method } from '../contract';

/**
 * The wire format between preload and main, in one place both sides import: one invoke channel
 * per contract method, one channel for all events, and the media URL shape.
 */
export const INVOKE_PREFIX = 'mau:';
export const EVENT_CHANNEL = 'mau:event';
export const BRIDGE_GLOBAL = 'mauBridge';
/** Standard schemes need a host; the path after it is the contract's media path. */
export const MEDIA_HOST = 'media';

export function invokeChannel(method: Method): string {
  return INVOKE_PREFIX + method;
}

export function electronMediaUrl(kind: MediaKind, sampleId: number, version?: string): string {
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${mediaPath(kind, sampleId, version)}`;
}
