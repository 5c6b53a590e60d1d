import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerBoot } from './worker-protocol';

export type WorkerPoolOptions = {
  /** The worker module: a .ts file (development, tests) or a bundled .js/.cjs/.mjs file. */
  entry: string | URL;
  size: number;
  /** Passed to every worker; read it with `workerInput()` in the entry module. */
  data?: unknown;
  name?: string;
};

type Job<In, Out> = {
  input: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
};

type Slot<In, Out> = {
  worker: Worker;
  job: Job<In, Out> | null;
  ready: boolean;
  /** Ended by us (an aborted job), so its exit says nothing about the worker code. */
  stopping: boolean;
  lastError: Error | null;
};

let nextJobId = 1;

/**
 * N worker threads and a FIFO queue. One job per worker at a time; a worker that dies takes only
 * its own job with it and is replaced; an aborted job that is running ends its worker, since
 * libvips work cannot be interrupted any other way. A worker that dies before it has loaded
 * breaks the pool: every waiting job fails with that reason instead of respawning in a loop.
 */
export class WorkerPool<In, Out> {
  private readonly slots = new Set<Slot<In, Out>>();
  private readonly queue: Job<In, Out>[] = [];
  private readonly script: URL;
  private readonly boot: WorkerBoot;
  private broken: Error | null = null;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    if (!(options.size >= 1)) throw new Error(`worker pool size must be ≥ 1, not ${options.size}`);
    const entry = toUrl(options.entry);
    // tsx cannot hook a worker's first module, so .ts entries start in a plain .mjs that
    // registers tsx and then imports them; bundled builds start the .js entry directly.
    const viaTsx = entry.pathname.endsWith('.ts');
    this.script = viaTsx ? new URL('./worker-bootstrap.mjs', import.meta.url) : entry;
    this.boot = { entry: entry.href, data: options.data };
  }

  get size(): number {
    return this.options.size;
  }

  run(input: In, signal?: AbortSignal): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Out>((resolve, reject) => {
      const job: Job<In, Out> = { input, resolve, reject, signal };
      if (signal) {
        job.onAbort = () => this.abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      this.settle(job, () => job.reject(new Error('worker pool is closed')));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed && !this.broken) {
      let slot = [...this.slots].find((s) => s.job === null);
      if (!slot && this.slots.size < this.options.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Job<In, Out>;
      slot.job = job;
      const message: ToWorker<In> = { id: nextJobId++, input: job.input };
      slot.worker.postMessage(message);
    }
  }

  private spawn(): Slot<In, Out> {
    const worker = new Worker(fileURLToPath(this.script), { workerData: this.boot, name: this.options.name });
    const slot: Slot<In, Out> = { worker, job: null, ready: false, stopping: false, lastError: null };
    worker.on('message', (message: FromWorker<Out>) => this.onMessage(slot, message));
    worker.on('error', (error) => (slot.lastError = error));
    worker.on('exit', (code) => this.onExit(slot, code));
    this.slots.add(slot);
    return slot;
  }

  private onMessage(slot: Slot<In, Out>, message: FromWorker<Out>): void {
    if (message.type === 'ready') {
      slot.ready = true;
      return;
    }
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    if (message.ok) this.settle(job, () => job.resolve(message.value));
    else this.settle(job, () => job.reject(new Error(message.error)));
    this.dispatch();
  }

  private onExit(slot: Slot<In, Out>, code: number): void {
    this.slots.delete(slot);
    if (this.closed) return;
    const cause = slot.lastError?.message ?? `exit code ${code}`;
    const job = slot.job;
    if (!slot.ready && !slot.stopping) {
      this.broken = new Error(`worker failed to start: ${cause}`);
      if (job) this.settle(job, () => job.reject(this.broken));
      for (const queued of this.queue.splice(0)) this.settle(queued, () => queued.reject(this.broken));
      return;
    }
    if (job && job.signal?.aborted) this.settle(job, () => job.reject(job.signal?.reason));
    else if (job) this.settle(job, () => job.reject(new Error(`worker crashed: ${cause}`)));
    this.dispatch();
  }

  private abort(job: Job<In, Out>): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, () => job.reject(job.signal?.reason));
      return;
    }
    const slot = [...this.slots].find((s) => s.job === job);
    // The exit handler rejects the job and starts a replacement when work is waiting.
    if (!slot) return;
    slot.stopping = true;
    void slot.worker.terminate();
  }

  private settle(job: Job<In, Out>, finish: () => void): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    finish();
  }
}

function toUrl(entry: string | URL): URL {
  if (entry instanceof URL) return entry;
  return /^file:/.test(entry) ? new URL(entry) : pathToFileURL(entry);
}
