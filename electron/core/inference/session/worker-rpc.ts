import { Worker } from 'node:worker_threads';
import { AppError } from '../../../contract/result';
import type { WireError } from './protocol';

/** What a worker answers: a value or an error per request, and deltas a streaming request sends first. */
export type RpcReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
  | { id: number; delta: string };

/** Which script the thread starts, and the module it is to load (the same URL when it needs no bootstrap). */
export type WorkerScript = { bootstrap: URL; entry: URL };

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/**
 * The worker `name` (e.g. "generation-worker") beside the module at `here` (its import.meta.url):
 * from source a .ts file started through tsx's bootstrap, bundled a sibling .cjs of the bundle.
 */
export function workerBeside(here: string | undefined, name: string): WorkerScript {
  if (!here) throw new Error(`cannot locate ${name} without import.meta.url`);
  const extension = /\.[cm]?[jt]s$/.exec(new URL(here).pathname)?.[0] ?? '.js';
  const entry = new URL(`./${name}${extension}`, here);
  return extension === '.ts' ? { bootstrap: BOOTSTRAP, entry } : { bootstrap: entry, entry };
}

type Pending = {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onDelta?: (delta: string) => void;
};

/**
 * Request/response over one worker thread, matched by id. Idle workers are unref'd so they never
 * hold the app open; once the worker has died, every pending and later request fails with why.
 */
export class WorkerRpc<Request extends object> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Error | undefined;

  /** `name` says whose worker it is in errors, e.g. "pack: session worker". */
  constructor(
    script: WorkerScript,
    name: string,
    private readonly transferablesOf: (message: Request) => ArrayBuffer[],
  ) {
    this.worker = new Worker(script.bootstrap, { workerData: { entry: script.entry.href } });
    this.worker.unref();
    this.worker.on('message', (reply: RpcReply) => this.settle(reply));
    this.worker.on('error', (error) =>
      this.fail(new AppError('INTERNAL', `${name} failed: ${error.message}`)),
    );
    this.worker.on('exit', (code) => this.fail(new AppError('INTERNAL', `${name} exited (code ${code})`)));
  }

  request<T>(message: Request, onDelta?: (delta: string) => void): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    const transfer = this.transferablesOf(message);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onDelta });
      if (this.pending.size === 1) this.worker.ref();
      try {
        this.worker.postMessage({ ...message, id }, transfer);
      } catch (error) {
        // e.g. a tensor whose buffer was already moved: no reply will come, so nothing may wait for one
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker.unref();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  async terminate(): Promise<void> {
    if (!this.exited) await this.worker.terminate();
  }

  private settle(reply: RpcReply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    if ('delta' in reply) {
      waiter.onDelta?.(reply.delta);
      return;
    }
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
