import type { WorkerRequest } from './protocol';
import { transferablesOf } from './tensor-data';
import { workerBeside, WorkerRpc } from './worker-rpc';

/** Where the worker code lives. The Electron build must emit both files next to this module. */
export type WorkerLocation = { bootstrap: URL; entry: URL };

/**
 * Beside this module: session-worker.ts from source, and in the Electron build the bundled
 * session-worker.cjs beside main.cjs (which once looked for a .js and a bootstrap the build does
 * not ship: the bundle test now runs an inference through the bundled CLI).
 */
export function defaultWorkerLocation(): WorkerLocation {
  return workerBeside(import.meta.url as string | undefined, 'session-worker');
}

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** Request/response over one session worker; a run's feeds are moved to it, not copied. */
export class WorkerChannel extends WorkerRpc<Request> {
  constructor(label: string, location: WorkerLocation = defaultWorkerLocation()) {
    super(location, `${label}: session worker`, (message) =>
      transferablesOf(message.op === 'run' ? Object.values(message.feeds) : []),
    );
  }
}
