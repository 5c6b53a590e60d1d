import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictThreshold } from '../../../electron/core/store/verdict-threshold';
import { repoRoot } from '../../helpers/paths';

describe('the threshold a stored verdict rests on', () => {
  const shipped = readFileSync(join(repoRoot, 'models/mau-gpt-mini/model.json'), 'utf8');
  const manifest = JSON.parse(shipped) as {
    thresholds: { image: number };
    options: { categoryThresholds: Record<string, { image?: number }> };
  };

  it("is the category's own image threshold where the pack has one, else the pack's", () => {
    const own = manifest.options.categoryThresholds;
    expect(verdictThreshold(shipped, 'pcb')).toBe(own['pcb']!.image);
    expect(verdictThreshold(shipped, 'ball_screw')).toBe(own['ball_screw']!.image);
    // steel surfaces have a pixel threshold of their own, but no image threshold
    expect(verdictThreshold(shipped, 'steel_surface')).toBe(manifest.thresholds.image);
    expect(verdictThreshold(shipped, null)).toBe(manifest.thresholds.image);
  });

  it('is unknown for a pack seen only through imported predictions, or a manifest that says nonsense', () => {
    expect(verdictThreshold('{}', 'pcb')).toBeNull();
    expect(verdictThreshold('{"thresholds": {"image": "high"}}', null)).toBeNull();
  });
});
