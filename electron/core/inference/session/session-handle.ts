import type { ExpectedIo } from './check-io';
import type { InspectReply, OpenReply, RunReply } from './protocol';
import type { ProviderName } from './providers';
import type { TensorData } from './tensor-data';
import { WorkerChannel, type WorkerLocation } from './worker-channel';

export type OpenSessionOptions = {
  /** Names the pack (or file) in errors. */
  label: string;
  modelPath: string;
  /** Preferred providers in order; default: the platform's order (see providers.ts). CPU is always last. */
  providers?: ProviderName[];
  intraOpNumThreads?: number;
  /** Checked against the graph before the warm-up run; also drives the warm-up feeds. */
  expected?: ExpectedIo;
  imageSize?: { width: number; height: number };
  worker?: WorkerLocation;
};

export type SessionInfo = OpenReply & { label: string };

/** One onnxruntime session living in its own worker thread. */
export class SessionHandle {
  private released = false;

  private constructor(
    private readonly channel: WorkerChannel,
    readonly info: SessionInfo,
  ) {}

  static async open(options: OpenSessionOptions): Promise<SessionHandle> {
    const { worker, ...request } = options;
    const channel = new WorkerChannel(options.label, worker);
    try {
      const reply = await channel.request<OpenReply>({ op: 'open', ...request });
      return new SessionHandle(channel, { ...reply, label: options.label });
    } catch (error) {
      await channel.terminate();
      throw error;
    }
  }

  get provider(): ProviderName {
    return this.info.provider;
  }

  /** Feeds are transferred to the worker: their buffers are unusable here afterwards. */
  run(feeds: Record<string, TensorData>): Promise<RunReply> {
    return this.channel.request<RunReply>({ op: 'run', feeds });
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.channel.request({ op: 'close' }).catch(() => undefined);
    await this.channel.terminate();
  }
}

/** Input and output names, types and shapes of an .onnx file, read by a short-lived CPU session. */
export async function inspectModel(modelPath: string, worker?: WorkerLocation): Promise<InspectReply> {
  const channel = new WorkerChannel(modelPath, worker);
  try {
    return await channel.request<InspectReply>({ op: 'inspect', modelPath });
  } finally {
    await channel.terminate();
  }
}
