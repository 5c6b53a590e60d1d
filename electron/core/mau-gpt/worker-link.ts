import { transferablesOf } from '../inference/session/tensor-data';
import { WorkerRpc, type WorkerScript } from '../inference/session/worker-rpc';
import type { GenRequest } from './worker-protocol';

type Request = GenRequest extends infer R ? (R extends GenRequest ? Omit<R, 'id'> : never) : never;

/** Where the worker lives: from source through tsx's bootstrap, bundled as a sibling .cjs. */
function workerScript(): WorkerScript {
  const here = import.meta.url as string | undefined;
  if (!here) throw new Error('mau-gpt: cannot locate generation-worker without import.meta.url');
  const extension = /\.[cm]?[jt]s$/.exec(new URL(here).pathname)?.[0] ?? '.js';
  const entry = new URL(`./generation-worker${extension}`, here);
  if (extension !== '.ts') return { bootstrap: entry, entry };
  return { bootstrap: new URL('../inference/session/worker-bootstrap.mjs', here), entry };
}

/** Request/response over the generation worker, plus the deltas a generate request streams. */
export class WorkerLink extends WorkerRpc<Request> {
  constructor(label: string) {
    super(workerScript(), `${label}: generation worker`, (message) =>
      transferablesOf(
        message.op === 'encode' ? [message.pixels, ...(message.tiles ? [message.tiles.image] : [])] : [],
      ),
    );
  }
}
