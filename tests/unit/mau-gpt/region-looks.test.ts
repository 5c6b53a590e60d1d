import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geometryFor } from '../../../electron/core/inference/processing/geometry';
import type { PredictedRegion } from '../../../electron/core/inference/types';
import { anomalyPrediction } from '../../../electron/core/mau-gpt';
import { levelGrounding } from '../../../electron/core/mau-gpt/grounding';
import type { MauGptOptions } from '../../../electron/core/mau-gpt/options';
import { looksOfRegions, measuredRegions } from '../../../electron/core/mau-gpt/region-looks';
import { recipeScript } from '../recipe/python';

const [WIDTH, HEIGHT] = [200, 100];

/**
 * A grey 180 plate with a dark 20×10 patch (60) and a long bright scratch (250); `dot` adds a
 * bright 3×3 dot (250) in the patch's ring.
 */
async function plate(dot = false): Promise<Buffer> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT, 180);
  const paint = (x0: number, y0: number, w: number, h: number, v: number) => {
    for (let y = y0; y < y0 + h; y++) pixels.fill(v, y * WIDTH + x0, y * WIDTH + x0 + w);
  };
  paint(30, 40, 20, 10, 60);
  paint(100, 80, 90, 3, 250);
  if (dot) paint(52, 42, 3, 3, 250);
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 1 } })
    .png()
    .toBuffer();
}

const region = (shape: PredictedRegion['shape'], areaPx: number, defectType: string | null = null) => ({
  defectType,
  score: 0.9,
  shape,
  areaPx,
});

/** The patch as the map traced it (an outline along pixel edges), the scratch as a box. */
const patch = region(
  {
    kind: 'polygon',
    points: [
      [30, 40],
      [50, 40],
      [50, 50],
      [30, 50],
    ],
  },
  200,
  'pitting',
);
const scratch = region({ kind: 'box', x: 100, y: 80, w: 90, h: 3 }, 270);

describe('MAU-GPT L4 from the listed regions (region-looks.ts)', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mau-looks-'));
    file = join(dir, 'plate.png');
    await sharp(await plate()).toFile(file);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('measures each region as the export measures a labelled one: size, shape, contrast on the pixels', async () => {
    const measured = await measuredRegions(file, [patch, scratch], WIDTH, HEIGHT);
    expect(measured.map((r) => [r.id, r.type, r.position, r.fillRatio])).toEqual([
      ['r1', 'pitting', 'middle left', 1],
      ['r2', null, 'lower right', 1],
    ]);
    expect(measured[0]!.areaPct).toBeCloseTo(1, 9);
    expect(measured[0]!.brightness).toEqual({ region: 60, surround: 180 });
    expect(measured[1]!.brightness).toEqual({ region: 250, surround: 180 });
  });

  it('words them as the export words L4, largest first, from a file or from bytes alike', async () => {
    const text = await looksOfRegions(file, [patch, scratch], WIDTH, HEIGHT);
    expect(text).toBe(
      'r2 is a medium-sized, elongated mark, brighter than its surroundings (90×3 px, about 1.4 % of the image). ' +
        'r1 (pitting) is a medium-sized, compact mark, darker than its surroundings (20×10 px, about 1.0 % of the image).',
    );
    expect(await looksOfRegions(await plate(), [patch, scratch], WIDTH, HEIGHT)).toBe(text);
  });

  it('measures contrast for the regions it describes, keeping every listed one out of their rings', async () => {
    // four specks far off, and a bright dot in the patch's ring listed as a region of its own
    const specks = [0, 1, 2, 3].map((i) => region({ kind: 'box', x: 10 + 4 * i, y: 10, w: 2, h: 2 }, 4));
    const near = region({ kind: 'box', x: 52, y: 42, w: 3, h: 3 }, 9);
    const dotted = await plate(true);
    const alone = await measuredRegions(dotted, [patch], WIDTH, HEIGHT);
    expect(alone[0]!.brightness!.surround).toBeGreaterThan(180);
    const measured = await measuredRegions(dotted, [patch, ...specks, near], WIDTH, HEIGHT);
    expect(measured[0]!.brightness).toEqual({ region: 60, surround: 180 });
    expect(measured[5]!.brightness).toEqual({ region: 250, surround: 180 });
    // the largest four are described (the patch, the 3×3 one and two specks); the rest are counted
    expect(measured.map((m) => m.brightness !== null)).toEqual([true, true, true, false, false, true]);
    const text = await looksOfRegions(dotted, [patch, ...specks, near], WIDTH, HEIGHT);
    expect(text.endsWith(' 2 smaller regions look alike.')).toBe(true);
  });

  it('leaves the contrast out where the image cannot be read, and says the rest', async () => {
    const text = await looksOfRegions(join(dir, 'gone.png'), [patch], WIDTH, HEIGHT);
    expect(text).toBe('r1 (pitting) is a medium-sized, compact mark (20×10 px, about 1.0 % of the image).');
  });

  it('is the whole L4 answer on an NG image; one that lists no region says so, a clean part keeps its start', () => {
    const options = {
      groundedLevels: {
        '4': {
          ok: 'Uniform.',
          ng: 'r1 (',
          fromRegions: true,
          ngWithoutRegions: 'Nothing stands out on this {object}.',
        },
      },
    } as unknown as MauGptOptions;
    const fill = (text: string) => text.replaceAll('{object}', 'PCB');
    const ng = { verdict: 'NG' as const, regionCount: 1, looksAnswer: 'r1 is a tiny, compact mark.' };
    expect(levelGrounding(options, '4', ng, fill)).toEqual({ answerStart: ng.looksAnswer, complete: true });
    expect(levelGrounding(options, '4', { verdict: 'NG', regionCount: 0 }, fill)).toEqual({
      answerStart: 'Nothing stands out on this PCB.',
      complete: true,
    });
    expect(levelGrounding(options, '4', { verdict: 'OK', regionCount: 0 }, fill)).toEqual({
      answerStart: 'Uniform.',
    });
    // without fromRegions the decoder writes L4 after the pack's start
    const decoder = { groundedLevels: { '4': { ng: 'r1 (' } } } as unknown as MauGptOptions;
    expect(levelGrounding(decoder, '4', ng, fill)).toEqual({ answerStart: 'r1 (' });
  });

  it.each([
    ['a resized view (each map cell 5×5 image pixels)', 40, 30, 200, 150],
    ['a map at the image size', 60, 45, 60, 45],
  ])('says what the recipe scores (looks.py) on a traced map of %s', async (_, mw, mh, width, height) => {
    // five blobs: a dark patch, a bright bar, a faint ring with a hole, a dash, a speck (the fifth,
    // counted, not described); the image a gradient
    const data = new Float32Array(mw * mh).fill(0.1);
    const grey = new Uint8Array(width * height);
    for (let i = 0; i < grey.length; i++) grey[i] = 90 + Math.floor((60 * (i % width)) / width);
    const sx = width / mw;
    const blob = (
      x0: number,
      y0: number,
      w: number,
      h: number,
      v: number,
      g: number | null,
      hole = false,
    ) => {
      for (let y = y0; y < y0 + h; y++)
        for (let x = x0; x < x0 + w; x++) {
          if (hole && x > x0 && x < x0 + w - 1 && y > y0 && y < y0 + h - 1) continue;
          data[y * mw + x] = v;
          if (g === null) continue;
          for (let py = y * sx; py < (y + 1) * sx; py++)
            for (let px = x * sx; px < (x + 1) * sx; px++) grey[py * width + px] = g;
        }
    };
    blob(2, 2, 6, 4, 0.9, 30);
    blob(12, 20, 20, 2, 0.8, 230);
    blob(20, 4, 7, 7, 0.7, 104, true);
    blob(35, 25, 1, 1, 0.95, null);
    blob(2, 26, 2, 1, 0.6, null);
    const map = { type: 'float32' as const, dims: [1, 1, mh, mw], data };
    const geometry = geometryFor(width, height, { mode: 'stretch', width: mw, height: mh });
    const { regions } = anomalyPrediction('blobs.png', map, 1, geometry, { image: 0.5, pixel: 0.5 });
    const png = await sharp(Buffer.from(grey), { raw: { width, height, channels: 1 } })
      .png()
      .toBuffer();
    const typed = regions.map((r, i) => ({ ...r, defectType: i === 1 ? 'scratches' : null }));
    const app = await looksOfRegions(png, typed, width, height);
    const input = join(dir, `map-${mw}.json`);
    await writeFile(input, JSON.stringify({ map: Array.from(data), grey: Array.from(grey) }));
    const [scaleX, scaleY] = [width / mw, height / mh];
    const { stdout } = await recipeScript([
      'import numpy as np',
      'from looks import looks_answer, measured_regions',
      'from regions import listed_places, region_stats',
      `given = json.load(open(${JSON.stringify(input)}))`,
      `amap = np.array(given["map"], np.float32).reshape(${mh}, ${mw})`,
      `grey = np.array(given["grey"], np.uint8).reshape(${height}, ${width})`,
      'stats = region_stats(amap, np.zeros(amap.shape, bool), [], 0.5)',
      `places = listed_places(stats, 0.0, ${scaleX}, ${scaleY})`,
      'types = [None, "scratches"] + [None] * (len(places) - 2)',
      `print(json.dumps(looks_answer(measured_regions(places, types, grey, ${scaleX}, ${scaleY}))))`,
    ]);
    expect(app.split('. ')).toHaveLength(5);
    expect(app.endsWith(' 1 smaller region looks alike.')).toBe(true);
    expect(app).toContain('r2 (scratches) is a');
    for (const contrast of ['darker than', 'brighter than', 'about as bright as'])
      expect(app).toContain(`${contrast} its surroundings`);
    expect(app).toContain('irregular mark');
    expect(JSON.parse(stdout)).toBe(app);
  });
});
