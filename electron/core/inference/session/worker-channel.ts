import { Worker } from 'node:worker_threads';
import { AppError } from '../../../contract/result';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { transferablesOf } from './tensor-data';

/** Where the worker code lives. The Electron build must emit both files next to this module. */
export type WorkerLocation = { bootstrap: URL; entry: URL };

export function defaultWorkerLocation(): WorkerLocation {
  const here = import.meta.url as string | undefined;
  if (!here) {
    // a CommonJS bundle has no import.meta.url: the build must say where the worker files are
    throw new Error(
      'inference: cannot locate session-worker without import.meta.url; pass { worker } to SessionPool',
    );
  }
  const extension = new URL(here).pathname.endsWith('.ts') ? '.ts' : '.js';
  return {
    bootstrap: new URL('./worker-bootstrap.mjs', here),
    entry: new URL(`./session-worker${extension}`, here),
  };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** Request/response over one worker. Idle workers are unref'd so they never hold the app open. */
export class WorkerChannel {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Error | undefined;

  constructor(
    private readonly label: string,
    location: WorkerLocation = defaultWorkerLocation(),
  ) {
    this.worker = new Worker(location.bootstrap, { workerData: { entry: location.entry.href } });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerResponse) => this.settle(reply));
    this.worker.on('error', (error) =>
      this.fail(new AppError('INTERNAL', `${label}: session worker failed: ${error.message}`)),
    );
    this.worker.on('exit', (code) =>
      this.fail(new AppError('INTERNAL', `${label}: session worker exited (code ${code})`)),
    );
  }

  request<T>(message: Request): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    const feeds = message.op === 'run' ? Object.values(message.feeds) : [];
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...message, id }, transferablesOf(feeds));
    });
  }

  async terminate(): Promise<void> {
    if (this.exited) return;
    await this.worker.terminate();
  }

  private settle(reply: WorkerResponse): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiter.resolve(reply.value);
    else
      waiter.reject(new AppError(reply.error.code ?? 'INTERNAL', reply.error.message, reply.error.details));
  }

  private fail(error: Error): void {
    this.exited ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
