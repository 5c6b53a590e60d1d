import { Worker } from 'node:worker_threads';
import { AppError } from '../../contract/result';
import type { TensorData } from '../inference/session/tensor-data';
import { transferablesOf } from '../inference/session/tensor-data';
import type { GenRequest, GenResponse } from './worker-protocol';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onDelta?: (delta: string) => void;
};
type Request = GenRequest extends infer R ? (R extends GenRequest ? Omit<R, 'id'> : never) : never;

/** Where the worker lives: from source through tsx's bootstrap, bundled as a sibling .cjs. */
function workerScript(): { script: URL; entry: string } {
  const here = import.meta.url as string | undefined;
  if (!here) throw new Error('mau-gpt: cannot locate generation-worker without import.meta.url');
  const extension = /\.[cm]?[jt]s$/.exec(new URL(here).pathname)?.[0] ?? '.js';
  const entry = new URL(`./generation-worker${extension}`, here);
  if (extension !== '.ts') return { script: entry, entry: entry.href };
  return { script: new URL('../inference/session/worker-bootstrap.mjs', here), entry: entry.href };
}

/** Request/response over the generation worker, plus the deltas a generate request streams. */
export class WorkerLink {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Error | undefined;

  constructor(label: string) {
    const { script, entry } = workerScript();
    this.worker = new Worker(script, { workerData: { entry } });
    this.worker.unref();
    this.worker.on('message', (reply: GenResponse) => this.settle(reply));
    this.worker.on('error', (error) =>
      this.fail(new AppError('INTERNAL', `${label}: generation worker failed: ${error.message}`)),
    );
    this.worker.on('exit', (code) =>
      this.fail(new AppError('INTERNAL', `${label}: generation worker exited (code ${code})`)),
    );
  }

  request<T>(message: Request, onDelta?: (delta: string) => void): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    const tensors: TensorData[] =
      message.op === 'encode' ? [message.pixels, ...(message.tiles ? [message.tiles.image] : [])] : [];
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onDelta });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...message, id }, transferablesOf(tensors));
    });
  }

  async terminate(): Promise<void> {
    if (!this.exited) await this.worker.terminate();
  }

  private settle(reply: GenResponse): void {
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
