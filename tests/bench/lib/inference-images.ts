import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataset } from './fixture-project';

export const DATASETS = ['bsdata', 'deeppcb', 'neu-det'] as const;
export type Dataset = (typeof DATASETS)[number];

/**
 * Real images from shared/data: the fixture rows of each dataset first (BSData 1130×460 up to
 * 2928×1016, DeepPCB 640×640, NEU-DET 200×200), interleaved so any prefix mixes the sizes,
 * then further rows until `count` are listed. Every file is a different image.
 */
export function realImages(count: number, datasets: readonly Dataset[] = DATASETS): string[] {
  const perDataset = datasets.map((name) => {
    const dir = sharedDataset(name);
    const rows = readFileSync(join(dir, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
    const parsed = rows.map((row) => {
      const cells = row.split(',');
      return { path: join(dir, cells[0]!), fixture: cells[7] === '1' };
    });
    return [...parsed.filter((r) => r.fixture), ...parsed.filter((r) => !r.fixture)].map((r) => r.path);
  });
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const before = out.length;
    for (const list of perDataset) if (i < list.length && out.length < count) out.push(list[i]!);
    if (out.length === before)
      throw new Error(`shared/data holds only ${out.length} images, ${count} wanted`);
  }
  return out;
}
