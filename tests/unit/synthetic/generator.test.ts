import { describe, expect, it } from 'vitest';
import {
  DEFECT_TYPES,
  DOMAIN_NAMES,
  DOMAINS,
  encodeImagePng,
  generateSample,
  mixSeed,
  planDataset,
  parseSyntheticOptions,
  type DefectType,
  type SampleSpec,
} from '../../../electron/core/synthetic';
import { countSet, sha256 } from './helpers';

const allPairs = DOMAIN_NAMES.flatMap((category) =>
  (DOMAINS[category].defects as readonly DefectType[]).map((defect) => ({ category, defect })),
);

describe('the synthetic defect generator', () => {
  it('draws byte-identical PNGs for the same seed and different ones for another seed', async () => {
    for (const category of DOMAIN_NAMES) {
      const spec: SampleSpec = {
        seed: 42,
        category,
        width: 128,
        height: 128,
        defect: DOMAINS[category].defects[0],
      };
      const first = sha256(await encodeImagePng(generateSample(spec).image));
      const again = sha256(await encodeImagePng(generateSample(spec).image));
      const other = sha256(await encodeImagePng(generateSample({ ...spec, seed: 43 }).image));
      expect(again, category).toBe(first);
      expect(other, category).not.toBe(first);
    }
  });

  it.each(allPairs)(
    'paints a $defect on $category inside its mask and nowhere else',
    ({ category, defect }) => {
      for (const seed of [1, 2, 3]) {
        const spec: SampleSpec = { seed: mixSeed(seed, 7), category, width: 192, height: 192, defect };
        // The surface is drawn before the defect from the same stream, so the OK twin is the clean picture.
        const clean = generateSample({ ...spec, defect: null });
        const { image, defect: truth } = generateSample(spec);
        expect(clean.defect).toBeNull();
        expect(truth).not.toBeNull();
        const { mask, bbox, areaPx } = truth!;
        expect(areaPx).toBe(countSet(mask));
        expect(areaPx).toBeGreaterThan(0);
        let changedInside = 0;
        let changedOutside = 0;
        let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
        for (let p = 0; p < mask.length; p++) {
          const i = p * 3;
          const changed =
            image.data[i] !== clean.image.data[i] ||
            image.data[i + 1] !== clean.image.data[i + 1] ||
            image.data[i + 2] !== clean.image.data[i + 2];
          if (mask[p]) {
            changedInside += changed ? 1 : 0;
            const [x, y] = [p % image.width, Math.floor(p / image.width)];
            [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
          } else if (changed) changedOutside++;
        }
        expect(changedOutside, `${category}/${defect} seed ${seed}: pixels changed outside the mask`).toBe(0);
        // A blend can round back to the old value on a few pixels; the mask must not be padded beyond that.
        expect(changedInside / areaPx).toBeGreaterThan(0.9);
        expect(bbox).toEqual([x0, y0, x1 - x0 + 1, y1 - y0 + 1]);
        expect(Number.isFinite(truth!.contrast)).toBe(true);
      }
    },
  );

  it('plans about half OK images, every defect type, and one mask per NG image', () => {
    const plan = planDataset(parseSyntheticOptions({ seed: 5, count: 60 }));
    const ng = plan.filter((s) => s.defect !== null);
    expect(ng).toHaveLength(30);
    expect(new Set(ng.map((s) => s.defect))).toEqual(new Set(DEFECT_TYPES));
    expect(plan.every((s) => (s.defect === null) === (s.maskFile === null))).toBe(true);
    expect(new Set(plan.map((s) => s.file)).size).toBe(60);
    expect(new Set(plan.map((s) => s.category))).toEqual(new Set(DOMAIN_NAMES));
  });

  it('refuses options it cannot honour, naming the option', () => {
    expect(() => parseSyntheticOptions({ count: 0 })).toThrow(/count/);
    expect(() => parseSyntheticOptions({ domains: ['marble' as never] })).toThrow(/domains/);
    expect(() => parseSyntheticOptions({ size: 4096 })).toThrow(/size/);
  });

  it('measures how long one 512×512 image takes per domain', () => {
    const rows: string[] = [];
    for (const category of DOMAIN_NAMES) {
      const defect = DOMAINS[category].defects[0];
      generateSample({ seed: 0, category, width: 512, height: 512, defect }); // warm-up (JIT)
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let seed = 1; seed <= 3; seed++) {
        const [startedAt, startedCpu] = [performance.now(), process.cpuUsage()];
        generateSample({ seed, category, width: 512, height: 512, defect });
        const used = process.cpuUsage(startedCpu);
        wall.push(performance.now() - startedAt);
        cpu.push((used.user + used.system) / 1000);
      }
      const show = (ms: number[]) => ms.map((t) => t.toFixed(1).padStart(6)).join(' ');
      rows.push(`${category.padEnd(14)} wall ${show(wall)} ms   cpu ${show(cpu)} ms`);
    }
    console.log(
      `synthetic 512×512 generation, 3 runs each (CPU time is the honest one on a shared machine):\n${rows.join('\n')}`,
    );
    expect(rows).toHaveLength(DOMAIN_NAMES.length);
  });
});
