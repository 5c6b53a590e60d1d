import { z } from 'zod';

const tokenId = z.number().int().nonnegative();

/** generation_config.json as Hugging Face writes it; unknown keys are kept out of the way. */
export const GenerationConfigFile = z
  .object({
    bos_token_id: tokenId.nullable().optional(),
    eos_token_id: z.union([tokenId, z.array(tokenId).min(1)]),
    pad_token_id: tokenId.nullable().optional(),
    max_new_tokens: z.number().int().positive().default(64),
    /**
     * MAU-GPT's own key (Hugging Face ignores it): an answer's cap per level ("1"–"5"), where one
     * level's answers run longer than another's; a level not named takes max_new_tokens.
     */
    max_new_tokens_by_level: z
      .partialRecord(z.enum(['1', '2', '3', '4', '5']), z.number().int().positive())
      .optional(),
    do_sample: z.boolean().default(false),
    temperature: z.number().positive().default(1),
    top_p: z.number().gt(0).max(1).default(1),
    no_repeat_ngram_size: z.number().int().nonnegative().default(0),
  })
  .loose();
export type GenerationConfigFile = z.infer<typeof GenerationConfigFile>;

/** How one answer is generated: the pack's defaults, overridable per call. */
export type GenerationSettings = {
  maxNewTokens: number;
  /** Generation ends when any of these is produced (it is not part of the answer). */
  eosTokenIds: number[];
  doSample: boolean;
  temperature: number;
  topP: number;
  /** No n-gram of this many tokens twice in one answer (0: no limit); forced tokens count, and are exempt. */
  noRepeatNgramSize: number;
  /** Seeds the sampler, so a sampled answer can be reproduced. */
  seed: number;
  /**
   * false re-runs the whole sequence each step with an empty cache: slow, only to prove that the
   * cached path computes the same thing.
   */
  useCache: boolean;
};

/** The pack's defaults; for an answer at `level`, with that level's own cap where the pack sets one. */
export function defaultSettings(config: GenerationConfigFile, level?: string): GenerationSettings {
  const eos = config.eos_token_id;
  const byLevel: Partial<Record<string, number>> = config.max_new_tokens_by_level ?? {};
  return {
    maxNewTokens: (level === undefined ? undefined : byLevel[level]) ?? config.max_new_tokens,
    eosTokenIds: typeof eos === 'number' ? [eos] : [...eos],
    doSample: config.do_sample,
    temperature: config.temperature,
    topP: config.top_p,
    noRepeatNgramSize: config.no_repeat_ngram_size,
    seed: 0,
    useCache: true,
  };
}
