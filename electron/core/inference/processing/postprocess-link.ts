import { transferablesOf } from '../session/tensor-data';
import { workerBeside, WorkerRpc } from '../session/worker-rpc';
import type { FinishReply, FinishRequest } from './postprocess-protocol';

/**
 * The post-processing worker of one predictor. Decoding an image's outputs and writing its heat
 * map took 17–21 ms of the core's own thread per image, the thread that answers the screen: while
 * a job ran, a key press in the viewer waited behind them.
 */
export class PostprocessLink extends WorkerRpc<Omit<FinishRequest, 'id'>> {
  constructor(label: string) {
    super(
      workerBeside(import.meta.url as string | undefined, 'postprocess-worker'),
      `${label}: post-processing worker`,
      // The outputs are not used here again: moved, not copied.
      (message) => transferablesOf(Object.values(message.outputs)),
    );
  }

  finish(request: Omit<FinishRequest, 'id'>): Promise<FinishReply> {
    return this.request<FinishReply>(request);
  }
}
