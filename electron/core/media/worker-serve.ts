import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerBoot } from './worker-protocol';

/** The `data` the pool was created with. */
export function workerInput<T>(): T {
  return (workerData as WorkerBoot).data as T;
}

/**
 * Called once by a worker entry module: answers each job with its handler's value, or its
 * error's message (only the message survives the thread boundary as plain data).
 */
export function serveJobs<In, Out>(handler: (input: In) => Promise<Out> | Out): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  port.on('message', async (message: ToWorker<In>) => {
    let reply: FromWorker<Out>;
    try {
      reply = { type: 'result', id: message.id, ok: true, value: await handler(message.input) };
    } catch (error) {
      reply = { type: 'result', id: message.id, ok: false, error: messageOf(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker<Out>);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
