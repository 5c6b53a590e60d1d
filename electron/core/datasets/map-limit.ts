/**
 * `map` with at most `limit` calls in flight and results in input order: reading hundreds of
 * small annotation files one by one wastes the disk's parallelism, all at once exhausts handles.
 */
export async function mapLimit<T, R>(
  values: readonly T[],
  limit: number,
  fn: (value: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      signal?.throwIfAborted();
      const index = next++;
      results[index] = await fn(values[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}
