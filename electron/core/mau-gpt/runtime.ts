import { AppError } from '../../contract/result';
import type { ImageInput } from '../inference/pack/schema';
import { preprocessImage } from '../inference/processing/preprocess';
import type { Geometry } from '../inference/processing/geometry';
import type { ProviderFallback, ProviderName } from '../inference/session/providers';
import type { TensorData } from '../inference/session/tensor-data';
import { defaultSettings, type GenerationSettings } from './generation-config';
import type { MauGptPack } from './load-mau-gpt';
import type { MauGptOptions } from './options';
import { sourceGeometry, tilesRequest } from './tiles-input';
import { WorkerLink } from './worker-link';
import type {
  EncodeReply,
  GenerateReply,
  OpenGenReply,
  RegionTypesReply,
  ReplayReply,
} from './worker-protocol';

export type RuntimeOptions = {
  /** Preferred execution providers, in order; CPU is always the last resort. */
  providers?: ProviderName[];
  intraOpNumThreads?: number;
};

export type EncodedImage = {
  /** Names the image's visual tokens inside the worker; pass it to generate(). */
  imageKey: number;
  anomalyMap: TensorData;
  anomalyScore: number;
  /** The defect-type head's logits on the resized view, where the pack has one (options.defectTypes). */
  typeLogits?: number[];
  /** How the map lies over the source: the resized view's, or the source grid itself for tiles. */
  geometry: Geometry;
  /** Tiles mode: how many tiles made the map, in how many encoder runs. */
  tiles?: { count: number; runs: number };
  preprocessMs: number;
  runMs: number;
};

export type GenerateOptions = {
  settings?: Partial<GenerationSettings>;
  /** The level ("1"–"5") the question asks, whose own answer cap applies (max_new_tokens_by_level). */
  level?: string;
  /** Checked between decoder steps: generation stops within one step of the abort. */
  signal?: AbortSignal;
  /** Each piece of the answer as it is generated; the pieces add up to the answer's text. */
  onDelta?: (delta: string) => void;
  /** Text the answer must start with; fed to the decoder as its first tokens, then it goes on. */
  answerStart?: string;
  /** Phrases the answer may not contain: the decoder never picks a phrase's last token after the rest. */
  avoid?: string[];
};

/** The vision encoder's input: stretched to S×S, (pixel/255 − mean)/std, RGB (grey is repeated). */
export function visionInput(o: MauGptOptions): ImageInput {
  const S = o.vision.imageSize;
  return {
    name: 'pixel_values',
    shape: [1, 3, S, S],
    dtype: 'float32',
    colourOrder: 'RGB',
    resize: { mode: 'stretch', width: S, height: S, padValue: 114 },
    normalise: { mean: o.vision.mean, std: o.vision.std, scale: 255 },
  };
}

/** A MAU-GPT pack opened in its own generation worker. */
export class MauGptRuntime {
  private closed = false;

  private constructor(
    readonly pack: MauGptPack,
    private readonly link: WorkerLink,
    readonly info: OpenGenReply,
  ) {}

  static async open(pack: MauGptPack, options: RuntimeOptions = {}): Promise<MauGptRuntime> {
    const link = new WorkerLink(pack.dir);
    try {
      const info = await link.request<OpenGenReply>({ op: 'open', pack, ...options });
      return new MauGptRuntime(pack, link, info);
    } catch (error) {
      await link.terminate();
      throw error;
    }
  }

  get provider(): ProviderName {
    return this.info.provider;
  }

  get fallbacks(): ProviderFallback[] {
    return this.info.fallbacks;
  }

  /**
   * Runs the vision encoder on the resized view, whose visual tokens stay in the worker for every
   * question; in tiles mode also on each full-resolution tile, which then give the map and score
   * (on the `category`'s own map trunk where the pack has one, options.vision.categoryMaps).
   */
  async encodeImage(source: string | Buffer, name?: string, category?: string): Promise<EncodedImage> {
    const started = performance.now();
    const label = name ?? (typeof source === 'string' ? source : '(image buffer)');
    const prepared = await preprocessImage(source, visionInput(this.pack.options), name);
    const { sourceWidth: width, sourceHeight: height } = prepared.geometry;
    const tiles = await tilesRequest(source, this.pack.options, { width, height }, label);
    const preprocessMs = performance.now() - started;
    const reply = await this.link.request<EncodeReply>({
      op: 'encode',
      pixels: prepared.tensor,
      tiles,
      ...(category === undefined ? {} : { category }),
    });
    const geometry = reply.tiles ? sourceGeometry(width, height) : prepared.geometry;
    return { ...reply, geometry, preprocessMs };
  }

  generate(imageKey: number, question: string, options: GenerateOptions = {}): Promise<GenerateReply> {
    const { signal } = options;
    if (signal?.aborted)
      return Promise.reject(new AppError('CANCELLED', 'generation cancelled before it started'));
    const settings = { ...defaultSettings(this.pack.generation, options.level), ...options.settings };
    const cancel = new SharedArrayBuffer(4);
    const raise = () => Atomics.store(new Int32Array(cancel), 0, 1);
    signal?.addEventListener('abort', raise, { once: true });
    const { answerStart, avoid } = options;
    return this.link
      .request<GenerateReply>(
        {
          op: 'generate',
          imageKey,
          question,
          settings,
          cancel,
          ...(answerStart ? { answerStart } : {}),
          ...(avoid?.length ? { avoid } : {}),
        },
        options.onDelta,
      )
      .finally(() => signal?.removeEventListener('abort', raise));
  }

  /** The region-type head's logits for region crops (region-crops.ts), one row per crop. */
  async regionTypeLogits(crops: TensorData): Promise<number[][]> {
    return (await this.link.request<RegionTypesReply>({ op: 'regionTypes', crops })).logits;
  }

  /** Bare decoder.run time of the same steps (see replayDecoder); for the benchmark. */
  replay(imageKey: number, question: string, tokens: number[]): Promise<ReplayReply> {
    return this.link.request<ReplayReply>({ op: 'replay', imageKey, question, tokens });
  }

  async forget(imageKey: number): Promise<void> {
    await this.link.request({ op: 'forget', imageKey });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.link.request({ op: 'close' }).catch(() => undefined);
    await this.link.terminate();
  }
}
