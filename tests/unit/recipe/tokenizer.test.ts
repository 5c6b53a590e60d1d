import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REFERENCE_DIR, REPO, TINY_PACK } from './reference';

const PYTHON = '/usr/bin/python3';
const Cases = z.object({
  cases: z.array(z.object({ text: z.string(), ids: z.array(z.number().int()), decoded: z.string() })).min(10),
});

async function loadTokenizer(path: string): Promise<Tokenizer> {
  return new Tokenizer(JSON.parse(await readFile(path, 'utf8')), {});
}

async function loadCases(path: string): Promise<z.infer<typeof Cases>['cases']> {
  const parsed = Cases.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data.cases;
}

function expectSameIds(tokenizer: Tokenizer, cases: z.infer<typeof Cases>['cases']): void {
  for (const c of cases) {
    expect(tokenizer.encode(c.text).ids, `ids of ${JSON.stringify(c.text)}`).toEqual(c.ids);
    if (c.ids.length > 0) {
      const decoded = tokenizer.decode(c.ids, { skip_special_tokens: true });
      expect(decoded, `decoding of ${JSON.stringify(c.text)}`).toBe(c.decoded);
    }
  }
}

describe('recipe BPE tokenizer in @huggingface/tokenizers', () => {
  it('gives the mau-gpt-tiny pack the ids the Python encoder wrote, edge cases included', async () => {
    const tokenizer = await loadTokenizer(join(TINY_PACK, 'tokenizer.json'));
    const cases = await loadCases(join(REFERENCE_DIR, 'tokenizer_cases.json'));
    expectSameIds(tokenizer, cases);
    expect(tokenizer.token_to_id('<|assistant|>')).toBe(4);
    expect(tokenizer.encode('é').ids).toEqual([tokenizer.token_to_id('<|unk|>')]);
  });

  it.skipIf(!existsSync(PYTHON))('agrees with a tokenizer the Python trainer builds now', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mau-bpe-'));
    try {
      await promisify(execFile)(PYTHON, [join(REPO, 'models/recipe/tokenizer_cases.py'), '--out', out], {
        timeout: 30_000,
      });
      const tokenizer = await loadTokenizer(join(out, 'tokenizer.json'));
      const cases = await loadCases(join(out, 'tokenizer_cases.json'));
      expectSameIds(tokenizer, cases);
      expect(cases.some((c) => c.ids.length > 5)).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
