import type { RawImageHeader } from '../../contract';
import { decodePixels } from './load';

export type RawPixels = { header: RawImageHeader; pixels: Buffer };

/**
 * Uncompressed samples for window/level and pixel readout in the renderer: 16-bit stays 16-bit
 * (little-endian), grey stays one channel. Send as `encodeRawHeader(header)` + `pixels`.
 */
export async function readRawPixels(path: string): Promise<RawPixels> {
  const { width, height, channels, bitDepth, data } = await decodePixels(path);
  return { header: { width, height, channels, bitDepth }, pixels: data };
}
