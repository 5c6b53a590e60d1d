/** Element types the engine moves between threads (onnxruntime's names). */
export type TensorType = 'float32' | 'float16' | 'int64' | 'int32' | 'uint8' | 'int8' | 'bool';

export type TensorArray = Float32Array | Uint16Array | BigInt64Array | Int32Array | Uint8Array | Int8Array;

/**
 * A tensor as plain data: what crosses the worker boundary (structured clone, buffers
 * transferred) and what adapters decode. `bool` data is one byte per element.
 */
export type TensorData = { type: TensorType; dims: number[]; data: TensorArray };

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}

/**
 * Buffers that can be moved instead of copied: only a view that owns its whole buffer, and never
 * an empty one. A buffer already moved elsewhere is empty, and Node drops a message whose transfer
 * list holds one without a word; left out, the message fails to clone and says so.
 */
export function transferablesOf(tensors: Iterable<TensorData>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { data } of tensors) {
    const buffer = data.buffer;
    if (
      buffer instanceof ArrayBuffer &&
      buffer.byteLength > 0 &&
      data.byteOffset === 0 &&
      data.byteLength === buffer.byteLength
    ) {
      buffers.add(buffer);
    }
  }
  return [...buffers];
}
