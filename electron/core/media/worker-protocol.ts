/** Messages between WorkerPool and its workers; one job at a time per worker. */
export type ToWorker<In> = { id: number; input: In };

export type FromWorker<Out> =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: Out }
  | { type: 'result'; id: number; ok: false; error: string };

/** The workerData of every pool worker: the module to load and the pool's shared input. */
export type WorkerBoot = { entry: string; data: unknown };
