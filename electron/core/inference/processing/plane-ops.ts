// Plain loops over map planes: TypedArray.prototype.map and Uint8Array.from(…, fn) cost tens of
// milliseconds on a 256² map in V8, more than the model run they follow.

export function mapPlane(source: ArrayLike<number>, fn: (value: number) => number): Float32Array {
  const out = new Float32Array(source.length);
  for (let i = 0; i < source.length; i++) out[i] = fn(source[i]!);
  return out;
}

/** 1 where value ≥ threshold (a truthy test when threshold is omitted), else 0. */
export function binaryMask(source: ArrayLike<number>, threshold?: number): Uint8Array {
  const out = new Uint8Array(source.length);
  if (threshold === undefined) {
    for (let i = 0; i < source.length; i++) out[i] = source[i] ? 1 : 0;
  } else {
    for (let i = 0; i < source.length; i++) out[i] = source[i]! >= threshold ? 1 : 0;
  }
  return out;
}
