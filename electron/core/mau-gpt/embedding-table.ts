import type { InferenceSession } from 'onnxruntime-node';
import type { Ort } from '../inference/session/ort';

/** Tables larger than this stay in the graph: one embed run per step instead of the memory. */
const MAX_TABLE_BYTES = 64 * 2 ** 20;

/**
 * Token embeddings. embed_tokens is a pure per-token lookup, so for a small vocabulary the whole
 * table is computed once and each step's embedding becomes a copy instead of a session run.
 */
export class Embeddings {
  private constructor(
    private readonly ort: Ort,
    private readonly session: InferenceSession,
    private readonly hidden: number,
    private readonly table: Float32Array | null,
  ) {}

  static async create(
    ort: Ort,
    session: InferenceSession,
    vocabSize: number,
    hidden: number,
  ): Promise<Embeddings> {
    const direct = new Embeddings(ort, session, hidden, null);
    if (vocabSize * hidden * 4 > MAX_TABLE_BYTES) return direct;
    const all = Array.from({ length: vocabSize }, (_, i) => i);
    return new Embeddings(ort, session, hidden, await direct.viaGraph(all));
  }

  private async viaGraph(ids: readonly number[]): Promise<Float32Array> {
    const input = new this.ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
    const out = (await this.session.run({ input_ids: input })).inputs_embeds;
    if (!out || out.type !== 'float32' || out.dims[out.dims.length - 1] !== this.hidden) {
      throw new Error(
        `embed_tokens returned ${out ? `${out.type} [${out.dims.join(', ')}]` : 'no inputs_embeds'}, expected float32 [1, ${ids.length}, ${this.hidden}]`,
      );
    }
    return out.data as Float32Array;
  }

  /** [ids.length × hidden] embeddings, written into `target` at `offset` (in floats). */
  async into(ids: readonly number[], target: Float32Array, offset: number): Promise<void> {
    const { table, hidden } = this;
    if (!table) {
      target.set(await this.viaGraph(ids), offset);
      return;
    }
    ids.forEach((id, k) => target.set(table.subarray(id * hidden, (id + 1) * hidden), offset + k * hidden));
  }
}
