import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelPackInfo, PackId } from '../../../electron/contract/api-inference';
import { defaultBase, whyNotBase } from '../../../renderer/src/finetune/basePacks';
import { stepsOf } from '../../../renderer/src/finetune/finetuneStore';

const TEST_MODELS = resolve(import.meta.dirname, '../../../models/test-models');

/** A pack as models:list describes it, from a real manifest of the test models. */
function listed(folder: string, patch: Partial<ModelPackInfo> = {}): ModelPackInfo {
  const manifest = JSON.parse(readFileSync(join(TEST_MODELS, folder, 'model.json'), 'utf8')) as {
    kind: ModelPackInfo['kind'];
    name: string;
    version: string;
    files: { path: string; role: string; sha256: string }[];
  };
  return {
    packId: `shipped:${folder}` as PackId,
    kind: manifest.kind,
    name: manifest.name,
    version: manifest.version,
    variant: null,
    description: '',
    card: {},
    dir: join(TEST_MODELS, folder),
    shipped: true,
    registered: false,
    addedAt: null,
    inputs: [],
    outputs: [],
    labels: [],
    thresholds: { image: null, pixel: null, normalisation: null },
    files: manifest.files.map((f) => ({ ...f, bytes: null })),
    session: null,
    predictionCount: 0,
    problem: null,
    ...patch,
  };
}

describe('choosing the base of a fine-tune', () => {
  it('offers mau-gpt packs with a checkpoint and says why the others are not', () => {
    expect(whyNotBase(listed('mau-gpt-tiny'))).toBeNull();
    expect(whyNotBase(listed('anomalib-v2'))).toBe('anomalib pack: only mau-gpt packs are fine-tuned');
    const noCheckpoint = listed('mau-gpt-tiny');
    noCheckpoint.files = noCheckpoint.files.filter((f) => f.role !== 'weights');
    expect(whyNotBase(noCheckpoint)).toMatch(/no PyTorch checkpoint/);
    expect(whyNotBase(listed('mau-gpt-tiny', { problem: 'folder gone' }))).toBe('folder gone');
  });

  it('starts from the newest registered usable pack, else the first usable one', () => {
    const tiny = listed('mau-gpt-tiny');
    const tuned = listed('mau-gpt-tiny', {
      packId: 'pack:7' as PackId,
      registered: true,
      addedAt: '2026-01-02T00:00:00Z',
    });
    const anomalib = listed('anomalib-v2', { registered: true, addedAt: '2026-01-03T00:00:00Z' });
    expect(defaultBase([anomalib, tiny, tuned])).toBe('pack:7');
    expect(defaultBase([anomalib, tiny])).toBe('shipped:mau-gpt-tiny');
    expect(defaultBase([anomalib])).toBe('');
  });

  it('reads steps as a whole number, empty as the recipe default', () => {
    expect(stepsOf('')).toBeUndefined();
    expect(stepsOf(' 40 ')).toBe(40);
    expect(stepsOf('0')).toBe('invalid');
    expect(stepsOf('2.5')).toBe('invalid');
    expect(stepsOf('many')).toBe('invalid');
  });
});
