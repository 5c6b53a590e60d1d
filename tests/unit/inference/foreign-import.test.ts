import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { importForeignModel } from '../../../electron/core/inference/pack/import-foreign';
import { loadModelPack } from '../../../electron/core/inference/pack/load-pack';
import { readOnnxModelInfo } from '../../../electron/core/inference/pack/onnx-metadata';
import { parseClassNames } from '../../../electron/core/inference/pack/python-literal';
import { createPredictor } from '../../../electron/core/inference/predictor';
import { PACKS, REFERENCE, scratchDir, TEST_MODELS } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** A folder holding only what an exporter leaves behind: the .onnx (and anomalib v1's metadata.json). */
async function rawExport(pack: string): Promise<string> {
  const scratch = await scratchDir();
  cleanups.push(scratch.cleanup);
  await copyFile(join(TEST_MODELS, pack, 'model.onnx'), join(scratch.dir, 'model.onnx'));
  if (pack.startsWith('anomalib-v1')) {
    await copyFile(join(TEST_MODELS, pack, 'metadata.json'), join(scratch.dir, 'metadata.json'));
  }
  return scratch.dir;
}

describe('Ultralytics class names (a Python literal, parsed without eval)', () => {
  it('reads the dict Ultralytics writes', () => {
    expect(parseClassNames("{0: 'person', 1: 'car', 2: 'traffic light'}")).toEqual([
      'person',
      'car',
      'traffic light',
    ]);
  });

  it('reads double quotes, escapes and unicode', () => {
    expect(
      parseClassNames(`{0: "rider's bag", 1: 'a\\'b', 2: 'caf\\xe9', 3: '\\u00b5-crack', 4: 'ok'}`),
    ).toEqual(["rider's bag", "a'b", 'café', 'µ-crack', 'ok']);
  });

  it('fills gaps in the indices and accepts a plain list', () => {
    expect(parseClassNames("{0: 'a', 2: 'c'}")).toEqual(['a', 'class_1', 'c']);
    expect(parseClassNames("['scratch', 'dent',]")).toEqual(['scratch', 'dent']);
    expect(parseClassNames('{}')).toEqual([]);
  });

  it('rejects anything that is not a literal of names', () => {
    expect(() => parseClassNames("__import__('os').system('rm -rf /')")).toThrow(/expected \{ or \[/);
    expect(() => parseClassNames("{0: 'a'} + {1: 'b'}")).toThrow(/unexpected text after the literal/);
    expect(() => parseClassNames("{0: 'a}")).toThrow(/unterminated string/);
    expect(() => parseClassNames('{0: 12}')).toThrow(/expected a quoted string/);
    expect(() => parseClassNames("{'a': 'b'}")).toThrow(/non-negative integer key/);
  });
});

describe('ONNX metadata', () => {
  it('reads Ultralytics metadata_props without loading the graph', async () => {
    const info = await readOnnxModelInfo(join(TEST_MODELS, 'yolo-segment-nms/model.onnx'));
    expect(info.producerName).toBe('pytorch');
    expect(info.metadata).toMatchObject({
      task: 'segment',
      imgsz: '[128, 128]',
      stride: '32',
      end2end: 'True',
    });
    expect(parseClassNames(info.metadata.names!)).toHaveLength(6);
  });

  it('rejects a file that is not an ONNX model', async () => {
    await expect(readOnnxModelInfo(join(REFERENCE, 'inputs/stretch128-neu-scratches.png'))).rejects.toThrow();
  });
});

describe('importing a raw export as a model pack', () => {
  it.each(PACKS)('rebuilds the %s pack from the bare export', async (name) => {
    const dir = await rawExport(name);
    const kind = name.startsWith('yolo') ? 'yolo' : 'anomalib';
    const imported = await importForeignModel(join(dir, 'model.onnx'), kind);
    const original = await loadModelPack(join(TEST_MODELS, name));
    const pick = (m: typeof original.manifest) => ({
      kind: m.kind,
      inputs: m.inputs,
      outputs: m.outputs,
      labels: m.labels,
      options: m.options,
      // anomalib v2 with its post-processor needs no thresholds; the uncalibrated one had them added by hand
      thresholds: name === 'anomalib-v2-raw' ? {} : m.thresholds,
    });
    expect(pick(imported.manifest)).toEqual(pick(original.manifest));
    expect(imported.files.map((f) => f.sha256)).toEqual(original.files.map((f) => f.sha256));
  });

  it('copies the export into a new pack folder and predicts like the hand-written pack', async () => {
    const dir = await rawExport('anomalib-v1-score');
    const out = await scratchDir();
    cleanups.push(out.cleanup);
    const pack = await importForeignModel(join(dir, 'model.onnx'), 'anomalib', {
      outDir: out.dir,
      name: 'spindle',
    });
    expect(pack.dir).toBe(out.dir);
    expect(pack.manifest.name).toBe('spindle');
    const written = JSON.parse(await readFile(join(out.dir, 'model.json'), 'utf8')) as { outputs: unknown[] };
    expect(written.outputs).toEqual([
      { name: 'output', role: 'anomaly-map' },
      { name: '16', role: 'score' },
    ]);
    const image = join(REFERENCE, 'inputs/stretch128-neu-scratches.png');
    const a = await createPredictor(pack, { providers: ['cpu'] });
    const b = await createPredictor(await loadModelPack(join(TEST_MODELS, 'anomalib-v1-score')), {
      providers: ['cpu'],
    });
    try {
      const [ra, rb] = [await a.predict(image), await b.predict(image)];
      expect(ra.result).toEqual(rb.result);
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  });

  it('refuses an export of another kind, and anomalib v1 without metadata.json', async () => {
    const anomaly = await rawExport('anomalib-v2');
    const error = await importForeignModel(join(anomaly, 'model.onnx'), 'yolo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /does not look like an Ultralytics YOLO export \(outputs: pred_score/,
    );

    const v1 = await rawExport('anomalib-v1');
    const bare = await scratchDir();
    cleanups.push(bare.cleanup);
    await copyFile(join(v1, 'model.onnx'), join(bare.dir, 'model.onnx'));
    await expect(importForeignModel(join(bare.dir, 'model.onnx'), 'anomalib')).rejects.toThrow(
      /an anomalib v1 export needs metadata\.json beside it/,
    );
  });

  it('does not overwrite an existing model.json unless asked', async () => {
    const dir = await rawExport('yolo-detect-raw');
    await importForeignModel(join(dir, 'model.onnx'), 'yolo');
    await expect(importForeignModel(join(dir, 'model.onnx'), 'yolo')).rejects.toThrow(
      /model\.json already exists/,
    );
    await expect(
      importForeignModel(join(dir, 'model.onnx'), 'yolo', { overwrite: true }),
    ).resolves.toBeDefined();
  });
});
