import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/core/store';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/paths';
import { art, createProject, type GenSample } from './generated';
import { exportTo, importFolder, waitForJob } from './helpers';

const SAMPLES: GenSample[] = [
  {
    name: 'a.png',
    width: 20,
    height: 20,
    verdict: 'NG',
    regions: [{ defectType: 'dent', shape: art(2, 2, ['##']) }],
  },
  { name: 'b.png', width: 20, height: 20, verdict: 'OK', regions: [] },
  {
    name: 'gone.png',
    width: 20,
    height: 20,
    verdict: 'NG',
    regions: [{ defectType: 'dent', shape: art(5, 5, ['#']) }],
  },
];

describe('export:start and export:report', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  async function openProject() {
    const { core, call } = testCore();
    close = () => core.close();
    const root = tempDir('export-job');
    await createProject(join(root, 'project'), join(root, 'images'), SAMPLES);
    fs.rmSync(join(root, 'images', 'gone.png'));
    const store = ProjectStore.open(join(root, 'project'));
    store.db
      .prepare('UPDATE labels SET texts = ? WHERE sample_id = 1')
      .run(JSON.stringify({ 4: 'two pits', 5: 'near the edge' }));
    store.close();
    await call('project:open', { dir: join(root, 'project') });
    return { call, root };
  }

  it('runs as an export job, skips an image whose file is gone, and writes export-report.json', async () => {
    const { call, root } = await openProject();
    const report = await exportTo(call, { format: 'coco', outDir: join(root, 'out') });
    expect(report).toMatchObject({ format: 'coco', exported: 2, skipped: 1, regions: 1 });
    expect(report.notRepresentable).toEqual([
      {
        file: 'gone.png',
        sample: 3,
        region: null,
        reason: `image file ${join(root, 'images', 'gone.png')} is missing; not exported`,
      },
    ]);
    expect(JSON.parse(fs.readFileSync(join(root, 'out', 'export-report.json'), 'utf8'))).toEqual(report);
    const [job] = await call('jobs:list', {});
    expect(job).toMatchObject({ kind: 'export', state: 'done', done: 3, failed: 1, problemCount: 1 });
    expect(job!.outcome).toMatchObject({ exported: 2, skipped: 1, regions: 1 });
    expect(fs.readdirSync(join(root, 'out')).sort()).toEqual([
      'annotations.json',
      'export-report.json',
      'images',
    ]);
  });

  it('keeps image texts in COCO (images[].mau) and says where a format has no place for them', async () => {
    const { call, root } = await openProject();
    await exportTo(call, { format: 'coco', outDir: join(root, 'coco') });
    const coco = JSON.parse(fs.readFileSync(join(root, 'coco', 'annotations.json'), 'utf8')) as {
      images: { file_name: string; mau: { texts: Record<string, string> } }[];
    };
    expect(coco.images.find((i) => i.file_name === 'a.png')!.mau.texts).toEqual({
      4: 'two pits',
      5: 'near the edge',
    });
    const yolo = await exportTo(call, { format: 'yolo-segment', outDir: join(root, 'yolo') });
    expect(yolo.notRepresentable.map((n) => n.reason)).toContain(
      'YOLO has no place for the image texts (task levels L1-L5); not written (1 image)',
    );
    await call('project:create', { dir: join(root, 'again') });
    const job = await importFolder(call, join(root, 'coco'), 'coco');
    expect(job.problems.map((p) => p.reason)).toContain(
      'images[0].mau.texts: an import has no place for image texts; not imported',
    );
  });

  it('exports only the images the filter selects', async () => {
    const { call, root } = await openProject();
    const report = await exportTo(call, {
      format: 'labelme',
      outDir: join(root, 'ok-only'),
      filter: { verdicts: ['OK'] },
    });
    expect(report).toMatchObject({ exported: 1, skipped: 0 });
    expect(fs.readdirSync(join(root, 'ok-only')).sort()).toEqual(['b.json', 'b.png', 'export-report.json']);
  });

  it('refuses a folder that is not empty, or inside the project, before starting a job', async () => {
    const { call, root } = await openProject();
    fs.mkdirSync(join(root, 'full'));
    fs.writeFileSync(join(root, 'full', 'keep.txt'), 'mine');
    await expect(call('export:start', { format: 'coco', outDir: join(root, 'full') })).rejects.toThrow(
      /CONFLICT .*full: folder is not empty/,
    );
    await expect(
      call('export:start', { format: 'coco', outDir: join(root, 'project', 'x') }),
    ).rejects.toThrow(/INVALID_INPUT .*inside the project folder/);
    expect(await call('jobs:list', {})).toEqual([]);
  });

  it('has no report for an import job, and none before an export is done', async () => {
    const { call, root } = await openProject();
    const { jobId } = await call('import:start', { source: join(root, 'images'), format: 'folder' });
    await waitForJob(call, jobId);
    await expect(call('export:report', { jobId })).rejects.toThrow(/NOT_FOUND .*not an export job/);
    const started = await call('export:start', { format: 'mvtec', outDir: join(root, 'mvtec') });
    const first = await call('jobs:get', started);
    if (first.state !== 'done') await expect(call('export:report', started)).rejects.toThrow(/CONFLICT/);
    await waitForJob(call, started.jobId);
    expect(await call('export:report', started)).toMatchObject({ format: 'mvtec', exported: 2 });
  });
});
