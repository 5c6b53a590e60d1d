import { transferablesOf } from '../inference/session/tensor-data';
import { workerBeside, WorkerRpc } from '../inference/session/worker-rpc';
import type { GenRequest } from './worker-protocol';

type Request = GenRequest extends infer R ? (R extends GenRequest ? Omit<R, 'id'> : never) : never;

/** Request/response over the generation worker, plus the deltas a generate request streams. */
export class WorkerLink extends WorkerRpc<Request> {
  constructor(label: string) {
    super(
      workerBeside(import.meta.url as string | undefined, 'generation-worker'),
      `${label}: generation worker`,
      (message) =>
        transferablesOf(
          message.op === 'encode'
            ? [message.pixels, ...(message.tiles ? [message.tiles.image] : [])]
            : message.op === 'regionTypes'
              ? [message.crops]
              : [],
        ),
    );
  }
}
