import type { WorkerRequest } from './protocol';
import { transferablesOf } from './tensor-data';
import { WorkerRpc } from './worker-rpc';

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

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** Request/response over one session worker; a run's feeds are moved to it, not copied. */
export class WorkerChannel extends WorkerRpc<Request> {
  constructor(label: string, location: WorkerLocation = defaultWorkerLocation()) {
    super(location, `${label}: session worker`, (message) =>
      transferablesOf(message.op === 'run' ? Object.values(message.feeds) : []),
    );
  }
}
