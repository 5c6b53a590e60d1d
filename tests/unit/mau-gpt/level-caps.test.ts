import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { copyOfTiny, editManifest, PITTING } from './helpers';

const QUESTION = 'What does the defect look like?';
/** No stop token: every answer runs to its cap, which is what is measured. */
const NO_EOS = { eosTokenIds: [] as number[] };

/** A copy of the tiny pack (max_new_tokens 24) whose generation_config.json gains `extra`. */
async function tinyWith(extra: Record<string, unknown>): Promise<string> {
  const dir = await copyOfTiny();
  const path = join(dir, 'generation_config.json');
  const config = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  await writeFile(path, JSON.stringify({ ...config, ...extra }));
  await editManifest(dir, () => {});
  return dir;
}

describe('an answer cap per level (generation_config.json max_new_tokens_by_level)', () => {
  let runtime: MauGptRuntime;
  let imageKey: number;

  beforeAll(async () => {
    const pack = await loadMauGptPack(await tinyWith({ max_new_tokens_by_level: { '4': 3, '5': 30 } }));
    expect(pack.generation.max_new_tokens).toBe(24);
    runtime = await MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: 1 });
    imageKey = (await runtime.encodeImage(PITTING)).imageKey;
  }, 60_000);
  afterAll(() => runtime?.close());

  it("bounds a level's answers by its own cap, and the other levels' by max_new_tokens", async () => {
    const lengthAt = async (level?: string) =>
      (await runtime.generate(imageKey, QUESTION, { level, settings: NO_EOS })).tokens.length;
    expect(await lengthAt('4')).toBe(3);
    expect(await lengthAt('5')).toBe(30);
    expect(await lengthAt('2')).toBe(24);
    expect(await lengthAt()).toBe(24);
  });

  it("lets a caller's own maxNewTokens override the level's cap", async () => {
    const answer = await runtime.generate(imageKey, QUESTION, {
      level: '4',
      settings: { ...NO_EOS, maxNewTokens: 7 },
    });
    expect(answer).toMatchObject({ stop: 'max-new-tokens' });
    expect(answer.tokens).toHaveLength(7);
  });
});

describe('a broken answer cap per level is refused with the field named', () => {
  it.each([
    [{ '6': 3 }, /generation_config\.json: invalid field max_new_tokens_by_level: Unrecognized key: "6"/],
    [{ '4': 0 }, /generation_config\.json: invalid field max_new_tokens_by_level\.4: .*>0/],
    [[48, 64], /generation_config\.json: invalid field max_new_tokens_by_level: /],
  ])('%j', async (caps, message) => {
    const dir = await tinyWith({ max_new_tokens_by_level: caps });
    await expect(loadMauGptPack(dir)).rejects.toThrow(message);
  });
});
