import { readFile } from 'node:fs/promises';
import { Tokenizer } from '@huggingface/tokenizers';
import { z } from 'zod';
import { messageOf, packError } from '../inference/errors';

/** Just enough of tokenizer.json to know it is one before the library interprets it. */
const TokenizerFile = z
  .object({
    model: z.object({ type: z.string().optional(), vocab: z.unknown() }).loose(),
    added_tokens: z
      .array(z.object({ id: z.number().int().nonnegative(), content: z.string() }).loose())
      .optional(),
  })
  .loose();

export type LoadedTokenizer = {
  tokenizer: Tokenizer;
  /** Highest token id + 1: the number of rows the decoder's logits must have. */
  vocabSize: number;
};

export async function readJsonFile(packDir: string, path: string, name: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw packError(packDir, `${name} cannot be read: ${messageOf(error)}`, 'NOT_FOUND');
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw packError(packDir, `${name} is not valid JSON: ${messageOf(error)}`);
  }
}

export function tokenizerFrom(packDir: string, name: string, json: unknown): LoadedTokenizer {
  const parsed = TokenizerFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw packError(
      packDir,
      `${name}: not a tokenizers JSON (${issue.path.join('.') || '(root)'}: ${issue.message})`,
    );
  }
  let tokenizer: Tokenizer;
  try {
    // no tokenizer_config.json in a pack: decoded text is returned exactly as the tokens spell it
    tokenizer = new Tokenizer(json as object, { clean_up_tokenization_spaces: false });
  } catch (error) {
    throw packError(packDir, `${name} cannot be loaded: ${messageOf(error)}`);
  }
  let maxId = -1;
  for (const id of tokenizer.get_vocab(true).values()) if (id > maxId) maxId = id;
  return { tokenizer, vocabSize: maxId + 1 };
}

export async function loadTokenizer(packDir: string, path: string, name: string): Promise<LoadedTokenizer> {
  return tokenizerFrom(packDir, name, await readJsonFile(packDir, path, name));
}
