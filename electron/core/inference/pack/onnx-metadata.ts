import { open, type FileHandle } from 'node:fs/promises';

export type OnnxModelInfo = {
  producerName: string;
  producerVersion: string;
  /** ModelProto.metadata_props: Ultralytics keeps `names`, `task`, `imgsz`, `stride` here. */
  metadata: Record<string, string>;
};

// ModelProto field numbers (onnx.proto3)
const PRODUCER_NAME = 2;
const PRODUCER_VERSION = 3;
const METADATA_PROPS = 14;
const MAX_ENTRY_BYTES = 16 << 20;

type Varint = { value: number; size: number };

function readVarint(bytes: Uint8Array, at: number): Varint | null {
  let value = 0;
  let factor = 1;
  for (let i = 0; i < 10 && at + i < bytes.length; i++) {
    const byte = bytes[at + i]!;
    value += (byte & 0x7f) * factor;
    if (byte < 0x80) return { value, size: i + 1 };
    factor *= 128;
  }
  return null;
}

/** Walks one message's top-level fields, calling back on length-delimited ones. */
function eachField(bytes: Uint8Array, onBytes: (field: number, body: Uint8Array) => void): void {
  let at = 0;
  while (at < bytes.length) {
    const tag = readVarint(bytes, at);
    if (!tag) throw new Error('truncated protobuf tag');
    at += tag.size;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (wire === 0) at += readVarint(bytes, at)?.size ?? Infinity;
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const length = readVarint(bytes, at);
      if (!length) throw new Error('truncated protobuf length');
      at += length.size;
      onBytes(field, bytes.subarray(at, at + length.value));
      at += length.value;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * Reads producer and metadata_props of an .onnx file without loading the graph: the top level of
 * ModelProto is walked field by field and the (possibly gigabyte-sized) graph is skipped by
 * seeking. onnxruntime-node does not expose custom metadata, hence this reader.
 */
export async function readOnnxModelInfo(path: string): Promise<OnnxModelInfo> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const info: OnnxModelInfo = { producerName: '', producerVersion: '', metadata: {} };
    let at = 0;
    while (at < size) {
      const head = await readAt(handle, at, 20);
      const tag = readVarint(head, 0);
      if (!tag) throw new Error(`truncated protobuf at byte ${at}`);
      const field = Math.floor(tag.value / 8);
      const wire = tag.value % 8;
      let cursor = tag.size;
      if (wire === 0) cursor += readVarint(head, cursor)?.size ?? Infinity;
      else if (wire === 1) cursor += 8;
      else if (wire === 5) cursor += 4;
      else if (wire === 2) {
        const length = readVarint(head, cursor);
        if (!length) throw new Error(`truncated protobuf length at byte ${at}`);
        cursor += length.size;
        const wanted = field === METADATA_PROPS || field === PRODUCER_NAME || field === PRODUCER_VERSION;
        if (wanted && length.value <= MAX_ENTRY_BYTES) {
          readField(info, field, await readAt(handle, at + cursor, length.value));
        }
        cursor += length.value;
      } else throw new Error(`not an ONNX model (protobuf wire type ${wire} at byte ${at})`);
      at += cursor;
    }
    return info;
  } finally {
    await handle.close();
  }
}

function readField(info: OnnxModelInfo, field: number, body: Uint8Array): void {
  if (field === PRODUCER_NAME) info.producerName = decoder.decode(body);
  else if (field === PRODUCER_VERSION) info.producerVersion = decoder.decode(body);
  else {
    let key = '';
    let value = '';
    eachField(body, (f, b) => {
      if (f === 1) key = decoder.decode(b);
      else if (f === 2) value = decoder.decode(b);
    });
    if (key) info.metadata[key] = value;
  }
}
