import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asJobId, type Job } from '../../../electron/contract';
import { decodeRle } from '../../../electron/core/geometry/rle';
import {
  SYNTHETIC_MANIFEST_FILE,
  SyntheticManifest,
  writeSyntheticDataset,
} from '../../../electron/core/synthetic';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/paths';
import { countSet, treeHashes } from './helpers';

const OPTIONS = { seed: 11, count: 24, size: 128 };

describe('a written synthetic dataset', () => {
  let data: string;
  let manifest: SyntheticManifest;
  const { core, call } = testCore();

  beforeAll(async () => {
    data = join(tempDir('synthetic'), 'data');
    manifest = await writeSyntheticDataset(data, OPTIONS);
  });
  afterAll(() => core.close());

  it('is the same tree, byte for byte, when written again with the same seed', async () => {
    const again = join(tempDir('synthetic'), 'data');
    await writeSyntheticDataset(again, OPTIONS);
    expect(treeHashes(again)).toEqual(treeHashes(data));
    const other = join(tempDir('synthetic'), 'data');
    await writeSyntheticDataset(other, { ...OPTIONS, seed: 12 });
    const [a, b] = [treeHashes(data), treeHashes(other)];
    const same = Object.keys(a).filter((file) => file.endsWith('.png') && a[file] === b[file]);
    expect(same).toEqual([]);
  });

  it('keeps a manifest that validates and agrees with the files', () => {
    const onDisk = SyntheticManifest.parse(
      JSON.parse(readFileSync(join(data, SYNTHETIC_MANIFEST_FILE), 'utf8')),
    );
    expect(onDisk).toEqual(manifest);
    expect(manifest.counts.ok + manifest.counts.ng).toBe(24);
    expect(manifest.counts.ng).toBe(12);
    const files = Object.keys(treeHashes(data));
    const masks = files.filter((f) => f.includes('/ground_truth/'));
    expect(masks).toHaveLength(manifest.counts.ng);
    for (const sample of manifest.samples) {
      expect(files).toContain(sample.file);
      expect(sample.defects).toHaveLength(sample.verdict === 'NG' ? 1 : 0);
    }
  });

  it('imports through the real core as MVTec with one exact mask region per NG image', async () => {
    await call('project:create', { dir: join(tempDir('project'), 'synthetic') });
    const { jobId } = await call('import:start', { source: data });
    const job = await waitForJob(jobId);
    expect(job.state).toBe('done');
    expect(job.outcome).toMatchObject({ added: 24, failed: 0 });
    expect((await call('jobs:problems', { jobId: job.id, offset: 0, limit: 100 })).problems).toEqual([]);

    const facets = await call('samples:facets', {});
    expect(facets.total).toBe(24);
    expect(facets.verdicts).toEqual(
      expect.arrayContaining([
        { value: 'OK', count: manifest.counts.ok },
        { value: 'NG', count: manifest.counts.ng },
      ]),
    );
    expect(Object.fromEntries(facets.defectTypes.map((t) => [t.value, t.count]))).toEqual(
      manifest.counts.byType,
    );

    const bySample = new Map(manifest.samples.map((s) => [s.file, s]));
    const { ids } = await call('samples:ids', {});
    let regions = 0;
    for (const id of ids) {
      const detail = await call('samples:get', { id });
      const truth = bySample.get(relative(data, detail.path).split('\\').join('/'))!;
      expect(truth, detail.path).toBeDefined();
      expect(detail.verdict).toBe(truth.verdict);
      expect(detail.regions).toHaveLength(truth.defects.length);
      for (const [i, region] of detail.regions.entries()) {
        const defect = truth.defects[i]!;
        regions++;
        expect(region.defectType).toBe(defect.type);
        if (region.shape.kind !== 'mask') throw new Error(`${truth.file}: region is a ${region.shape.kind}`);
        const { x, y, w, h, rle } = region.shape;
        expect([x, y, w, h]).toEqual(defect.bbox);
        expect(countSet(decodeRle(rle, w * h))).toBe(defect.area_px);
      }
    }
    expect(regions).toBe(manifest.counts.ng);
  });

  async function waitForJob(jobId: string): Promise<Job> {
    for (;;) {
      const job = await call('jobs:get', { jobId: asJobId(jobId) });
      if (job.state !== 'queued' && job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
