import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelPack } from '../../../electron/core/inference';
import { loadMauGptPack } from '../../../electron/core/mau-gpt';
import { LEVELS } from '../../../electron/core/mau-gpt/options';
import { QUESTION_TEMPLATES } from '../../../electron/core/mauset-qa/templates';
import { repoRoot } from '../../helpers/paths';

const SHIPPED = join(repoRoot, 'models/mau-gpt-mini');

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) =>
      sum + (entry.isDirectory() ? folderBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );
}

describe('the shipped default pack, models/mau-gpt-mini', () => {
  it('is a complete mau-gpt pack (every file present with its sha256), fine-tunable, within 40 MB', async () => {
    // the limit, read as decimal megabytes: the stricter reading
    const pack = await loadModelPack(SHIPPED);
    expect(pack.manifest.kind).toBe('mau-gpt');
    expect(pack.manifest.name).toBe('mau-gpt-mini');
    const roles = pack.manifest.files.map((f) => f.role).sort();
    expect(roles).toEqual(
      [
        'anomaly-map',
        'card',
        'category-anomaly-map',
        'category-anomaly-map',
        'defect-types',
        'decoder',
        'embed-tokens',
        'generation-config',
        'tokenizer',
        'vision-encoder',
        'weights',
      ].sort(),
    );
    expect(pack.manifest.thresholds.image).toBeGreaterThan(0);
    expect(folderBytes(SHIPPED)).toBeLessThanOrEqual(40_000_000);
  });

  it('asks questions the decoder was trained on, and grounds its answers on its verdict', async () => {
    // Worded otherwise ("What type of defect is it?"), 0.3.0 answered with run-on text in the app.
    const { options } = await loadMauGptPack(SHIPPED);
    for (const level of LEVELS) {
      expect(QUESTION_TEMPLATES[Number(level) as 1 | 2 | 3 | 4 | 5].open).toContain(options.questions[level]);
    }
    expect(options.groundedL1).toEqual({
      yes: 'Yes.',
      no: 'No. The {object} looks normal;',
      yesWithRegions: 'Yes. The {object} shows {regions}.',
      yesWithoutRegions:
        'Yes. The {object} looks defective, but no region stands out enough to list; check the heat map.',
    });
    // a clean part's texts are the export's own (the recipe test checks pack.py's against the export)
    expect(options.groundedLevels?.['2']?.ok).toBe(
      'There is no defect on this {object}, so there is no defect type.',
    );
    // an NG answer may not call the part clean at any level
    for (const level of ['2', '3', '4', '5'] as const)
      expect(options.groundedLevels?.[level]?.avoidWhenNg).toContain('no defect');
    // where and what it looks like: the regions it lists, not places and sizes the decoder recalls
    for (const level of ['3', '4'] as const) {
      expect(options.groundedLevels?.[level]?.fromRegions, `L${level}`).toBe(true);
      expect(options.groundedLevels?.[level]?.ngWithoutRegions, `L${level}`).toMatch(/^No region stands out/);
    }
  });

  it('maps full-resolution tiles feathered, ball screws and PCBs on their own trunks, and judges them by their own thresholds', async () => {
    const { options, manifest } = await loadMauGptPack(SHIPPED);
    expect(options.vision.tiling).toEqual({ mode: 'tiles', overlap: 32, blend: 'feather' });
    // ball screws and PCBs map their tiles on a trunk of their own each; steel (and any other product) shares one
    expect(options.vision.categoryMaps).toEqual({
      ball_screw: 'anomaly_map.ball_screw.onnx',
      pcb: 'anomaly_map.pcb.onnx',
    });
    // one threshold for all called most clean PCBs defective; each category chose its own on val
    const pcb = options.categoryThresholds?.['pcb']?.image;
    const screw = options.categoryThresholds?.['ball_screw']?.image;
    expect(pcb).toBeGreaterThan(0);
    expect(screw).toBeGreaterThan(0);
    expect(pcb).not.toBe(manifest.thresholds.image);
    // and its regions by each category's own pixel threshold, chosen for mask IoU on val
    for (const category of ['pcb', 'ball_screw', 'steel_surface'])
      expect(options.categoryThresholds?.[category]?.pixel, category).toBeGreaterThan(
        manifest.thresholds.pixel ?? 0,
      );
  });

  it('names defect types with its head, each category of part from its own labels', async () => {
    const { options, manifest, graphs } = await loadMauGptPack(SHIPPED);
    expect(graphs.defectTypes?.path).toBe('defect_types.onnx');
    const head = options.defectTypes!;
    expect(head.labels).toEqual(manifest.labels);
    expect(head.byCategory).toEqual({
      ball_screw: ['pitting'],
      pcb: ['copper', 'mousebite', 'open', 'pin-hole', 'short', 'spur'],
      steel_surface: ['crazing', 'inclusion', 'patches', 'pitted_surface', 'rolled-in_scale', 'scratches'],
    });
  });
});
