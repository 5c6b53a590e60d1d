import type { ModelPack } from '../pack/model-pack';
import type { ExpectedIo } from './check-io';
import type { ProviderName } from './providers';
import { SessionHandle } from './session-handle';
import type { WorkerLocation } from './worker-channel';

export type SessionOptions = {
  /** Preferred execution providers, in order; CPU is always the last resort. */
  providers?: ProviderName[];
  /** Threads per session; default onnxruntime's (one per physical core). */
  intraOpNumThreads?: number;
};

export type SessionPoolOptions = SessionOptions & { worker?: WorkerLocation };

/** What model.json promises about the pack's main graph. */
export function expectedIo(pack: ModelPack): ExpectedIo {
  const model = pack.files.find((f) => f.absolutePath === pack.modelPath)?.path;
  const inputs = pack.manifest.inputs.filter((i) => !i.file || i.file === model);
  return {
    inputs: inputs.map((i) => ({ name: i.name, dtype: i.dtype, shape: i.shape })),
    outputs: pack.kind === 'mau-gpt' ? [] : pack.manifest.outputs,
  };
}

/**
 * Open sessions, one worker each, cached per (pack, provider order, threads): opening and
 * warming a session costs far more than a run, so it is done once and kept until released.
 */
export class SessionPool {
  private readonly sessions = new Map<string, { packId: string; session: Promise<SessionHandle> }>();

  constructor(private readonly defaults: SessionPoolOptions = {}) {}

  acquire(pack: ModelPack, options: SessionOptions = {}): Promise<SessionHandle> {
    const providers = options.providers ?? this.defaults.providers;
    const threads = options.intraOpNumThreads ?? this.defaults.intraOpNumThreads;
    const key = `${pack.id}|${providers?.join(',') ?? 'auto'}|${threads ?? 'auto'}`;
    const cached = this.sessions.get(key);
    if (cached) return cached.session;
    const resize = pack.manifest.inputs.find((i) => i.resize)?.resize;
    const session = SessionHandle.open({
      label: pack.dir,
      modelPath: pack.modelPath,
      providers,
      intraOpNumThreads: threads,
      expected: expectedIo(pack),
      imageSize: resize,
      worker: this.defaults.worker,
    });
    this.sessions.set(key, { packId: pack.id, session });
    // a failed open must not stay cached: the next call tries again
    session.catch(() => this.sessions.delete(key));
    return session;
  }

  /** Closes every session of one pack (e.g. when the pack is removed or replaced). */
  async release(packId: string): Promise<void> {
    const closing: Promise<void>[] = [];
    for (const [key, entry] of this.sessions) {
      if (entry.packId !== packId) continue;
      this.sessions.delete(key);
      closing.push(entry.session.then((s) => s.release()).catch(() => undefined));
    }
    await Promise.all(closing);
  }

  async close(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((e) => e.session.then((s) => s.release()).catch(() => undefined)));
  }

  /** Open sessions and the provider each ended up on, for diagnostics. */
  async list(): Promise<
    { packId: string; provider: ProviderName; fallbacks: SessionHandle['info']['fallbacks'] }[]
  > {
    const settled = await Promise.allSettled(
      [...this.sessions.values()].map(async (e) => ({ e, s: await e.session })),
    );
    return settled.flatMap((r) =>
      r.status === 'fulfilled'
        ? [{ packId: r.value.e.packId, provider: r.value.s.provider, fallbacks: r.value.s.info.fallbacks }]
        : [],
    );
  }
}
