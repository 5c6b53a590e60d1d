import { appendFileSync, copyFileSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asPackId } from '../../../electron/contract/api-inference';
import { tempDir } from '../../helpers/paths';
import { inferenceCore, NEU_DET, TEST_MODELS, waitForJob, type TestCore } from './helpers';

const IMAGES = ['scratches_170.jpg', 'inclusion_194.jpg', 'patches_1.jpg', 'crazing_1.jpg'];

/** A folder of four real steel images, one of which will be broken after the import. */
function imageFolder(): string {
  const dir = join(tempDir('images'), 'line-3');
  mkdirSync(dir, { recursive: true });
  for (const name of IMAGES) copyFileSync(join(NEU_DET, 'IMAGES', name), join(dir, name));
  return dir;
}

/** Same size, same modification time, bytes no decoder reads: what a failing disk leaves behind. */
function corruptInPlace(path: string): void {
  const { size, atime, mtime } = statSync(path);
  writeFileSync(path, Buffer.alloc(size, 0x5a));
  utimesSync(path, atime, mtime);
}

describe('bad input to inference', () => {
  let t: TestCore;
  let images: string;

  beforeAll(async () => {
    t = inferenceCore();
    images = imageFolder();
    await t.call('project:create', { dir: join(tempDir('project'), 'line-3') });
    const { jobId } = await t.call('import:start', { source: images, format: 'folder' });
    expect((await waitForJob(t.call, jobId)).outcome).toMatchObject({ added: 4, failed: 0 });
  }, 120_000);
  afterAll(() => t.core.close());

  it('refuses a pack whose file does not match its sha256, naming the pack and the file', async () => {
    const dir = join(tempDir('pack'), 'tampered');
    mkdirSync(dir);
    for (const f of ['model.json', 'model.onnx'])
      copyFileSync(join(TEST_MODELS, 'yolo-detect-raw', f), join(dir, f));
    appendFileSync(join(dir, 'model.onnx'), Buffer.from([0]));
    const error = await t.failure('models:add', { dir });
    expect(error).toMatch(/^INVALID_INPUT model pack .*tampered: file model\.onnx: sha256 mismatch/);
    expect((await t.call('models:list', {})).some((m) => m.registered)).toBe(false);
  });

  it('names an image that cannot be decoded and one changed since import, and goes on', async () => {
    corruptInPlace(join(images, 'patches_1.jpg'));
    appendFileSync(join(images, 'crazing_1.jpg'), Buffer.from([0]));
    const { jobId } = await t.call('inference:start', {
      packId: asPackId('shipped:anomalib-v2'),
      providers: ['cpu'],
    });
    const job = await waitForJob(t.call, jobId);
    expect(job.state).toBe('done');
    expect(job.outcome).toEqual({ predicted: 2, skipped: 0, failed: 2 });
    const { problems } = await t.call('jobs:problems', { jobId });
    const byFile = Object.fromEntries(problems.map((p) => [p.file, p.reason]));
    expect(Object.keys(byFile).sort()).toEqual(['crazing_1.jpg', 'patches_1.jpg']);
    expect(byFile['patches_1.jpg']).toMatch(/decode|unsupported image format|cannot be read/i);
    expect(byFile['crazing_1.jpg']).toMatch(/changed on disk since it was imported/);
    expect(t.events('job:problem').filter((p) => p.jobId === jobId)).toHaveLength(2);
  });

  it('wraps a raw Ultralytics export as a pack inside the project', async () => {
    const exportDir = tempDir('export');
    copyFileSync(join(TEST_MODELS, 'yolo-segment-nms', 'model.onnx'), join(exportDir, 'best.onnx'));
    const pack = await t.call('models:importOnnx', {
      onnxPath: join(exportDir, 'best.onnx'),
      kind: 'yolo',
      name: 'line 3 segmenter',
    });
    expect(pack).toMatchObject({
      kind: 'yolo',
      name: 'line 3 segmenter',
      variant: 'segment/nms',
      registered: true,
      shipped: false,
    });
    expect(pack.dir).toMatch(/line-3\/models\/line-3-segmenter$/);
    expect(pack.labels).toContain('scratches');
    expect(
      await t.failure('models:importOnnx', {
        onnxPath: join(exportDir, 'best.onnx'),
        kind: 'yolo',
        name: 'line 3 segmenter',
      }),
    ).toMatch(/^CONFLICT .*already exists/);
  });

  it('says which pack id is unknown', async () => {
    expect(await t.failure('inference:start', { packId: asPackId('pack:999') })).toMatch(
      /^NOT_FOUND no registered model pack pack:999/,
    );
    expect(await t.failure('inference:start', { packId: asPackId('shipped:nope') })).toMatch(
      /^NOT_FOUND .*shipped:nope/,
    );
  });
  it('still predicts an image whose file time changed but whose bytes did not', async () => {
    // a dataset copied or restored without its times: only the bytes decide
    const later = new Date(Date.now() + 86_400_000);
    utimesSync(join(images, 'scratches_170.jpg'), later, later);
    const { jobId } = await t.call('inference:start', {
      packId: asPackId('shipped:anomalib-v2'),
      providers: ['cpu'],
      force: true,
    });
    const job = await waitForJob(t.call, jobId);
    // forced: the two good images are predicted again, to the same result ("unchanged"); the two
    // broken earlier (patches_1 rewritten, crazing_1 grown) still fail
    expect(job.outcome).toEqual({ predicted: 0, skipped: 0, failed: 2, unchanged: 2 });
    const { problems } = await t.call('jobs:problems', { jobId });
    expect(problems.map((p) => p.file).sort()).toEqual(['crazing_1.jpg', 'patches_1.jpg']);
  });
});
