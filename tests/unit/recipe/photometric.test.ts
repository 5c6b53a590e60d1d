import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../../helpers/paths';
import { recipeScript } from './python';

type Crop = { contrast: number; shift: number; residual: number };
type Jitter = { masksSame: boolean; shapesSame: boolean; crops: Crop[]; identity: boolean };

/**
 * stage1.photometric on real crops (a BSData frame and a NEU-DET plate from the shared data, with
 * a box each): the same seed with and without the jitter, each jittered crop compared with its
 * plain twin by a least-squares line over all its pixels and channels.
 */
describe('photometric jitter of the map trunk’s training crops (stage1.photometric)', () => {
  let jitter: Jitter;

  beforeAll(async () => {
    const { stdout } = await recipeScript([
      'import random, torch',
      'from pathlib import Path',
      'from config import load_config',
      'from data import crop_batch, photometric_jitter',
      'from mauset import Region, Sample',
      `root = Path(${JSON.stringify(sharedData)})`,
      'def sample(id, image, w, h, category, box):',
      '    return Sample(id, root / image, w, h, "NG", category, [Region("r1", "x", box, None, "center")], [])',
      'samples = [sample("bsdata/a", "bsdata/data/01_200828110510_477500_315_crop_2.jpg", 1130, 460,',
      '                  "ball_screw", (500, 200, 40, 30)),',
      '           sample("neu-det/a", "neu-det/IMAGES/crazing_1.jpg", 200, 200, "steel_surface", (20, 30, 90, 60))]',
      'plain, on = load_config(None), load_config(None)',
      'on["stage1"]["photometric"] = {"contrast": 0.25, "brightness": 0.3}',
      'x0, m0 = crop_batch(samples, plain, random.Random(5), 8)',
      'x1, m1 = crop_batch(samples, on, random.Random(5), 8)',
      'crops = []',
      'for a, b in zip(x0, x1):',
      '    design = torch.stack([a.flatten(), torch.ones(a.numel())], 1).double()',
      '    coef = torch.linalg.lstsq(design, b.flatten().double().unsqueeze(1)).solution.flatten()',
      '    fit = design @ coef',
      '    slope, offset = float(coef[0]), float(coef[1])',
      '    crops.append({"contrast": slope, "shift": offset - float(a.mean()) * (1 - slope),',
      '                  "residual": float((fit - b.flatten().double()).abs().max())})',
      'still = photometric_jitter(x0[0], random.Random(1), {"contrast": 0, "brightness": 0})',
      'print(json.dumps({"masksSame": bool(torch.equal(m0, m1)), "shapesSame": x0.shape == x1.shape,',
      '                  "crops": crops, "identity": bool(torch.allclose(still, x0[0], atol=1e-6))}))',
    ]);
    jitter = JSON.parse(stdout) as Jitter;
  }, 240_000);

  it('draws the same crops and masks as without it, so a seed still names the crops', () => {
    expect(jitter.shapesSame).toBe(true);
    expect(jitter.masksSame).toBe(true);
  });

  it('moves each crop by one contrast and one shift for all its channels, within the bounds', () => {
    expect(jitter.crops).toHaveLength(8);
    for (const crop of jitter.crops) {
      expect(crop.residual).toBeLessThan(1e-4);
      expect(crop.contrast).toBeGreaterThanOrEqual(0.75 - 1e-6);
      expect(crop.contrast).toBeLessThanOrEqual(1.25 + 1e-6);
      expect(Math.abs(crop.shift)).toBeLessThanOrEqual(0.3 + 1e-5);
    }
    // a jitter, not one fixed transform: the crops of a batch differ in both
    const contrasts = new Set(jitter.crops.map((c) => c.contrast.toFixed(3)));
    const shifts = new Set(jitter.crops.map((c) => c.shift.toFixed(3)));
    expect(contrasts.size).toBeGreaterThan(4);
    expect(shifts.size).toBeGreaterThan(4);
  });

  it('leaves a crop as it was with no contrast and no brightness range', () => {
    expect(jitter.identity).toBe(true);
  });

  it.each([
    [{ contrast: 1.5, brightness: 0.1 }],
    [{ contrast: 0.2 }],
    [{ contrast: 0.2, brightness: -1 }],
    [{ contrast: 0.2, brightness: 0.1, hue: 0.1 }],
  ])('refuses %j in a config file, naming the field', async (spec) => {
    const file = join(tempDir('recipe-photometric'), 'config.json');
    await writeFile(file, JSON.stringify({ stage1: { photometric: spec } }));
    const loading = recipeScript(['from config import load_config', `load_config(${JSON.stringify(file)})`]);
    await expect(loading).rejects.toThrow(/stage1\.photometric needs/);
  });
});
