import { describe, expect, it } from 'vitest';
import type { PredictedRegion } from '../../../electron/core/inference/types';
import { PLACES_LISTED, regionPlaces, regionsAnswer } from '../../../electron/core/mau-gpt/region-places';
import { geometryFor } from '../../../electron/core/inference/processing/geometry';
import { anomalyPrediction } from '../../../electron/core/mau-gpt';
import { levelGrounding } from '../../../electron/core/mau-gpt/grounding';
import type { MauGptOptions } from '../../../electron/core/mau-gpt/options';
import { recipeScript } from '../recipe/python';

const box = (
  x: number,
  y: number,
  w: number,
  h: number,
  defectType: string | null = null,
): PredictedRegion => ({
  defectType,
  score: 0.9,
  shape: { kind: 'box', x, y, w, h },
  areaPx: w * h,
});

/** An L-shaped outline whose box centre (lower right cell) is not where its area lies (lower left). */
const ell: PredictedRegion = {
  defectType: 'open',
  score: 0.95,
  shape: {
    kind: 'polygon',
    points: [
      [0, 100],
      [60, 100],
      [60, 280],
      [300, 280],
      [300, 300],
      [0, 300],
    ],
  },
  areaPx: 60 * 180 + 300 * 20,
};

describe('MAU-GPT L3 from the listed regions (region-places.ts)', () => {
  it('names regions r1, r2, … in the prediction order, placed by where their area lies', () => {
    const places = regionPlaces([ell, box(250, 10, 20, 30, 'spur')], 300, 300);
    expect(places.map((p) => [p.id, p.type, p.position])).toEqual([
      ['r1', 'open', 'lower left'],
      ['r2', 'spur', 'upper right'],
    ]);
    expect(places[0]!.bbox).toEqual([0, 100, 300, 200]);
  });

  it('words them as the export words labelled regions', () => {
    expect(regionsAnswer([box(10.4, 20.6, 30.5, 40, 'pitting')], 200, 200)).toBe(
      'There is 1 defect: r1 (pitting) in the upper left (31×40 px box at x 10, y 21).',
    );
    expect(regionsAnswer([box(150, 150, 10, 10), box(90, 90, 20, 20, 'crazing')], 200, 200)).toBe(
      'There are 2 defects: r1 in the lower right (10×10 px box at x 150, y 150); and r2 (crazing) in the center (20×20 px box at x 90, y 90).',
    );
  });

  it(`names the first ${PLACES_LISTED} and counts the rest, so a map marking dozens stays readable`, () => {
    const many = Array.from({ length: PLACES_LISTED + 3 }, (_, i) => box(10 * i, 0, 5, 5));
    const text = regionsAnswer(many, 640, 640);
    expect(text.startsWith(`There are ${PLACES_LISTED + 3} defects: r1 in the upper left`)).toBe(true);
    expect(text).toContain(`r${PLACES_LISTED} in the upper left`);
    expect(text).not.toContain(`r${PLACES_LISTED + 1} `);
    expect(text.endsWith('; and 3 more in the region list.')).toBe(true);
  });

  it('says the same as the recipe scores (grounding.regions_answer) for the same places', async () => {
    const regions = [box(0.5, 2.5, 10, 12, 'open'), box(300, 400, 41, 33, 'pin-hole'), box(600, 10, 30, 30)];
    const places = regions.map((r) => {
      const s = r.shape as { x: number; y: number; w: number; h: number };
      return { bbox: [s.x, s.y, s.w, s.h], centre: [s.x + s.w / 2, s.y + s.h / 2] };
    });
    const types = regions.map((r) => r.defectType);
    const many = Array.from({ length: PLACES_LISTED + 2 }, (_, i) => ({
      bbox: [i, i, 2, 2],
      centre: [i + 1, i + 1],
    }));
    const { stdout } = await recipeScript([
      'from grounding import regions_answer',
      `places, types, many = json.loads(${JSON.stringify(JSON.stringify([places, types, many]))})`,
      'print(json.dumps([regions_answer(places, types, 640, 640), regions_answer(many, [None] * len(many), 640, 640)]))',
    ]);
    const manyRegions = many.map((p) => box(p.bbox[0]!, p.bbox[1]!, 2, 2));
    expect(JSON.parse(stdout)).toEqual([
      regionsAnswer(regions, 640, 640),
      regionsAnswer(manyRegions, 640, 640),
    ]);
  });

  it('matches the recipe on a traced map: order, boxes and places of a resized view (regions.listed_places)', async () => {
    // a 40×30 map of a 200×150 image (stretch): three blobs, the weakest first in scan order
    const [width, height] = [40, 30];
    const data = new Float32Array(width * height).fill(0.1);
    const blobs = [
      [2, 2, 5, 3, 0.6],
      [20, 12, 6, 6, 0.95],
      [33, 24, 4, 4, 0.8],
    ] as const;
    for (const [x0, y0, w, h, v] of blobs)
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data[y * width + x] = v;
    const map = { type: 'float32' as const, dims: [1, 1, height, width], data };
    const geometry = geometryFor(200, 150, { mode: 'stretch', width, height });
    const { regions } = anomalyPrediction('blobs.png', map, 1, geometry, { image: 0.5, pixel: 0.5 });
    const { stdout } = await recipeScript([
      'import numpy as np',
      'from grounding import regions_answer',
      'from regions import listed_places, region_stats',
      `amap = np.array(json.loads(${JSON.stringify(JSON.stringify(Array.from(data)))}), np.float32).reshape(${height}, ${width})`,
      'stats = region_stats(amap, np.zeros(amap.shape, bool), [], 0.5)',
      'places = listed_places(stats, 0.0, 200 / 40, 150 / 30)',
      'print(json.dumps(regions_answer(places, [None] * len(places), 200, 150)))',
    ]);
    const app = regionsAnswer(regions, 200, 150);
    expect(app).toBe(
      'There are 3 defects: r1 in the center (30×30 px box at x 100, y 60); r2 in the lower right ' +
        '(20×20 px box at x 165, y 120); and r3 in the upper left (25×15 px box at x 10, y 10).',
    );
    expect(JSON.parse(stdout)).toBe(app);
  });

  it('is the whole L3 answer on an NG image; one that lists no region says so, a clean part keeps its start', () => {
    const options = {
      groundedLevels: {
        '3': { ok: 'Nothing to locate.', fromRegions: true, ngWithoutRegions: 'None on this {object}.' },
      },
    } as unknown as MauGptOptions;
    const fill = (text: string) => text.replaceAll('{object}', 'PCB');
    const regionsText = regionsAnswer([box(1, 1, 4, 4)], 640, 640);
    const ng = { verdict: 'NG' as const, regionCount: 1, regionsAnswer: regionsText };
    expect(levelGrounding(options, '3', ng, fill)).toEqual({ answerStart: regionsText, complete: true });
    expect(levelGrounding(options, '3', { verdict: 'NG', regionCount: 0 }, fill)).toEqual({
      answerStart: 'None on this PCB.',
      complete: true,
    });
    expect(levelGrounding(options, '3', { verdict: 'OK', regionCount: 0 }, fill)).toEqual({
      answerStart: 'Nothing to locate.',
    });
  });
});
