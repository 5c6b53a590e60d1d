import { decodeRawHeader, RAW_HEADER_BYTES, type RawImageHeader } from '../../../electron/contract/media';

export type RawPixels = RawImageHeader & { data: Uint16Array | Uint8Array };

/** Parses a `raw` media response: the contract's 16-byte header, then little-endian samples. */
export function parseRaw(buffer: ArrayBuffer): RawPixels {
  const header = decodeRawHeader(buffer);
  const count = header.width * header.height * header.channels;
  const bytes = count * (header.bitDepth / 8);
  if (buffer.byteLength < RAW_HEADER_BYTES + bytes) {
    throw new Error(
      `raw image is ${buffer.byteLength} bytes, its header promises ${RAW_HEADER_BYTES + bytes}`,
    );
  }
  if (header.bitDepth === 8) return { ...header, data: new Uint8Array(buffer, RAW_HEADER_BYTES, count) };
  // Copy so the samples are 2-byte aligned whatever the header size; read as little-endian explicitly.
  const view = new DataView(buffer, RAW_HEADER_BYTES, bytes);
  const data = new Uint16Array(count);
  for (let i = 0; i < count; i++) data[i] = view.getUint16(i * 2, true);
  return { ...header, data };
}
