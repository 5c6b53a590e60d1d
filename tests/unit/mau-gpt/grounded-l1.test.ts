import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { answerAllLevels, thresholdsFor } from '../../../electron/core/mau-gpt/answer-levels';
import { fillCounts } from '../../../electron/core/mau-gpt/grounding';
import { looksOfRegions } from '../../../electron/core/mau-gpt/region-looks';
import { regionsAnswer } from '../../../electron/core/mau-gpt/region-places';
import { copyOfTiny, editManifest, PITTING } from './helpers';

/**
 * A pack with options.groundedL1 starts every L1 answer from its own verdict. The tiny pack's
 * image threshold is moved around the image's score to get each verdict from the same image.
 */
describe('MAU-GPT level questions: grounded on the verdict, {object} filled', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copyOfTiny();
  });
  afterAll(() => rm(dirname(dir), { recursive: true, force: true }));

  type L1 = { yes: string; no: string; yesWithRegions?: string };
  async function answersWith(threshold: number, grounded: boolean | L1, levels?: Record<string, unknown>) {
    await editManifest(dir, (m) => {
      (m as unknown as { thresholds: { image: number } }).thresholds.image = threshold;
      if (grounded) m.options.groundedL1 = grounded === true ? { yes: 'Yes.', no: 'No.' } : grounded;
      else delete m.options.groundedL1;
      if (levels) m.options.groundedLevels = levels;
      else delete m.options.groundedLevels;
    });
    const runtime = await MauGptRuntime.open(await loadMauGptPack(dir), {
      providers: ['cpu'],
      intraOpNumThreads: 1,
    });
    try {
      const tokens: string[] = [];
      const answers = await answerAllLevels(runtime, PITTING, {
        onToken: (level, delta) => level === '1' && tokens.push(delta),
      });
      return { ...answers, streamedL1: tokens.join('') };
    } finally {
      await runtime.close();
    }
  }

  it('says yes when the verdict is NG and no when it is OK, and streams what it says', async () => {
    const ng = await answersWith(-1e9, true);
    expect(ng.result.verdict).toBe('NG');
    expect(ng.result.texts['1']).toMatch(/^yes ?\./);
    expect(ng.streamedL1.trim()).toBe(ng.result.texts['1']);
    const ok = await answersWith(1e9, true);
    expect(ok.result.verdict).toBe('OK');
    expect(ok.result.texts['1']).toMatch(/^no ?\./);
    // the other levels are the decoder's own either way
    expect(ok.result.texts['2']).toBe(ng.result.texts['2']);
  }, 60_000);

  it('leaves L1 to the decoder in a pack without groundedL1, even against the verdict', async () => {
    const free = await answersWith(-1e9, false);
    expect(free.result.verdict).toBe('NG');
    // the tiny pack's decoder answers "no" to this image: ungrounded, text and verdict disagree
    expect(free.result.texts['1']).toMatch(/^no ?\./);
  }, 60_000);

  it("keeps the other levels on the verdict side: clean words when OK, a defect's when NG", async () => {
    const free = await answersWith(-1e9, true);
    // the tiny decoder's own L2 answer, whose opening words become a phrase to avoid
    const avoided = free.result.texts['2'].split(' ').slice(0, 2).join(' ');
    const levels = {
      '2': { ok: 'There is no defect on this {object}.', avoidWhenNg: [avoided] },
      '4': { ok: 'No defect is visible.', ng: 'The {object} shows' },
    };
    const ng = await answersWith(-1e9, true, levels);
    expect(ng.result.verdict).toBe('NG');
    expect(ng.result.texts['2']).not.toContain(avoided);
    expect(ng.result.texts['4']).toMatch(/^the part shows/);
    // a level the pack leaves out is the decoder's own
    expect(ng.result.texts['3']).toBe(free.result.texts['3']);

    const clean = await answersWith(1e9, true, levels);
    expect(clean.result.verdict).toBe('OK');
    expect(clean.result.texts['2']).toMatch(/^there is no defect on this part ?\./);
    expect(clean.result.texts['4']).toMatch(/^no defect is visible ?\./);
    expect(clean.result.texts['3']).toBe(free.result.texts['3']);
  }, 90_000);

  it('says the number of regions the map marked where the pack words a start with it', async () => {
    const counting = { yes: 'Yes.', no: 'No.', yesWithRegions: 'Yes. The {object} shows {regions}.' };
    const levels = { '3': { ngWithRegions: 'There {defects}:', ok: 'Nothing to locate.' } };
    const ng = await answersWith(-1e9, counting, levels);
    const count = ng.result.regions.length;
    expect(count).toBeGreaterThan(0);
    // the tokenizer lower-cases and spaces punctuation: "yes . the part shows 1 defective region ."
    expect(ng.result.texts['1'].startsWith(`yes . the part shows ${fillCounts('{regions}', count)} .`)).toBe(
      true,
    );
    expect(ng.result.texts['3'].startsWith(`there ${fillCounts('{defects}', count)} :`)).toBe(true);
    // without yesWithRegions the start says no count
    const plain = await answersWith(-1e9, true, levels);
    expect(plain.result.texts['1']).toMatch(/^yes ?\./);
    expect(plain.result.texts['1']).not.toMatch(/^yes \. the part shows \d+ defective/);
    const clean = await answersWith(1e9, counting, levels);
    expect(clean.result.texts['1']).toMatch(/^no ?\./);
    expect(clean.result.texts['3']).toMatch(/^nothing to locate ?\./);
  }, 90_000);

  it('says L3 and L4 from the listed regions where the pack asks fromRegions, and leaves a clean part to its start', async () => {
    const levels = {
      '3': { fromRegions: true, ok: 'Nothing to locate.' },
      '4': { fromRegions: true, ok: 'Nothing to see.' },
    };
    const ng = await answersWith(-1e9, true, levels);
    expect(ng.result.regions.length).toBeGreaterThan(0);
    // the tiny pack has no type head: its regions are named untyped, in the prediction's order
    const untyped = ng.result.regions.map((r) => ({ ...r, defectType: null }));
    const { width, height } = ng.image;
    expect(ng.result.texts['3']).toBe(regionsAnswer(untyped, width, height));
    expect(ng.result.texts['3']).toMatch(/^There (is 1 defect|are \d+ defects): r1 in the /);
    expect(ng.result.texts['4']).toBe(await looksOfRegions(PITTING, untyped, width, height));
    expect(ng.result.texts['4']).toMatch(/^r\d+ is a (tiny|small|medium-sized|large), /);
    const clean = await answersWith(1e9, true, levels);
    expect(clean.result.texts['3']).toMatch(/^nothing to locate ?\./);
    expect(clean.result.texts['4']).toMatch(/^nothing to see ?\./);
  }, 90_000);

  it('judges a category by its own thresholds where the pack has them, and grounds on that verdict', async () => {
    await editManifest(dir, (m) => {
      (m as unknown as { thresholds: { image: number } }).thresholds.image = -1e9;
      m.options.groundedL1 = { yes: 'Yes.', no: 'No.' };
      m.options.categoryThresholds = { gear_flank: { image: 1e9 } };
    });
    const runtime = await MauGptRuntime.open(await loadMauGptPack(dir), {
      providers: ['cpu'],
      intraOpNumThreads: 1,
    });
    try {
      expect(thresholdsFor(runtime.pack, 'gear_flank')).toMatchObject({ image: 1e9 });
      const own = await answerAllLevels(runtime, PITTING, { category: 'gear_flank' });
      expect(own.result.verdict).toBe('OK');
      expect(own.result.texts['1']).toMatch(/^no ?\./);
      for (const category of ['pcb', undefined]) {
        const other = await answerAllLevels(runtime, PITTING, { category });
        expect(other.result.verdict).toBe('NG');
        // pcb is a product this pack never learnt (it knows gear_flank only): its L1 is the
        // grounded start alone, "Yes.", where the decoder's own words are lower case
        expect(other.result.texts['1']).toMatch(/^yes ?\./i);
      }
    } finally {
      await runtime.close();
      await editManifest(dir, (m) => {
        delete m.options.categoryThresholds;
      });
    }
  }, 60_000);

  it('words a region count as the export does', () => {
    expect(fillCounts('shows {regions}; there {defects}', 1)).toBe(
      'shows 1 defective region; there is 1 defect',
    );
    expect(fillCounts('shows {regions}; there {defects}', 3)).toBe(
      'shows 3 defective regions; there are 3 defects',
    );
  });

  it('types the untyped regions of the map by the one label its L2 answer names', async () => {
    const named = await answersWith(-1e9, true, { '2': { ng: 'It is crazing.' } });
    expect(named.result.texts['2']).toMatch(/^it is crazing ?\./);
    expect(named.result.regions.length).toBeGreaterThan(0);
    for (const region of named.result.regions) expect(region.defectType).toBe('crazing');
    const clean = await answersWith(1e9, true, { '2': { ok: 'There is no defect.' } });
    for (const region of clean.result.regions) expect(region.defectType).toBeNull();
  }, 90_000);

  it('names what the image shows where a question says {object}, "part" when unknown', async () => {
    await editManifest(dir, (m) => {
      m.options.questions = { ...m.options.questions, '2': 'Name the defect type you see on this {object}.' };
    });
    const runtime = await MauGptRuntime.open(await loadMauGptPack(dir), {
      providers: ['cpu'],
      intraOpNumThreads: 1,
    });
    const asked: string[] = [];
    const generate = runtime.generate.bind(runtime);
    runtime.generate = (key, question, options) => (asked.push(question), generate(key, question, options));
    try {
      await answerAllLevels(runtime, PITTING, { object: 'ball screw' });
      await answerAllLevels(runtime, PITTING);
    } finally {
      await runtime.close();
    }
    expect(asked[1]).toBe('Name the defect type you see on this ball screw.');
    expect(asked[6]).toBe('Name the defect type you see on this part.');
  }, 60_000);
});
