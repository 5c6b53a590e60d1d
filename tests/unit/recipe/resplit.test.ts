import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/paths';
import { python, recipe, recipeScript } from './python';

type Row = { id: string; group?: string; split: string };

const rows = async (dir: string, file: string): Promise<Row[]> =>
  (await readFile(join(dir, file), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);

/**
 * resplit.py moves whole groups from train to val (BSData's val held one spindle position, the
 * only one at 45°) and leaves test byte for byte as it was. The fixture export is given the
 * group field the app's export writes: one group per sample.
 */
describe('the recipe’s resplit.py', () => {
  let work: string;
  let data: string;

  beforeAll(async () => {
    work = tempDir('recipe-resplit');
    data = join(work, 'mauset');
    await python([recipe('tests_fixture.py'), '--out', data]);
    for (const split of ['train', 'val', 'test']) {
      const grouped = (await rows(data, `${split}.jsonl`)).map((r) => ({ ...r, group: `part:${r.id}` }));
      await writeFile(join(data, `${split}.jsonl`), grouped.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('moves the named groups to val, keeps test as it was, and says so in the manifest', async () => {
    const train = await rows(data, 'train.jsonl');
    const moving = [train[0]!.group!, train[1]!.group!];
    const out = join(work, 'moved');
    const args = [recipe('resplit.py'), '--data', data, '--out', out, '--why', 'angles'];
    const { stdout } = await python([...args, ...moving.flatMap((g) => ['--to-val', g])]);
    expect(JSON.parse(stdout)).toEqual({ moved: 2, splits: { train: train.length - 2, val: 6, test: 2 } });

    const [newTrain, newVal] = [await rows(out, 'train.jsonl'), await rows(out, 'val.jsonl')];
    expect(newTrain.map((r) => r.id)).toEqual(train.slice(2).map((r) => r.id));
    expect(newVal.slice(-2).map((r) => [r.id, r.split])).toEqual(train.slice(0, 2).map((r) => [r.id, 'val']));
    expect(await readFile(join(out, 'test.jsonl'), 'utf8')).toBe(
      await readFile(join(data, 'test.jsonl'), 'utf8'),
    );
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
      counts: { splits: object };
      split_policy: { moved_to_val: { groups: string[]; images: number; why: string } };
    };
    expect(manifest.split_policy.moved_to_val).toMatchObject({ groups: moving, images: 2, why: 'angles' });
    expect(manifest.counts.splits).toEqual({ train: train.length - 2, val: 6, test: 2 });

    // the recipe reads the new folder, images (linked) included
    const read = await recipeScript([
      'from mauset import read_mauset',
      `_, splits = read_mauset(${JSON.stringify(out)})`,
      'print(json.dumps({k: [len(v), all(s.image.is_file() for s in v)] for k, v in splits.items()}))',
    ]);
    expect(JSON.parse(read.stdout)).toEqual({
      train: [train.length - 2, true],
      val: [6, true],
      test: [2, true],
    });
  }, 120_000);

  it('refuses a group that has no training image, naming it, and writes nothing', async () => {
    const out = join(work, 'refused');
    const testGroup = (await rows(data, 'test.jsonl'))[0]!.group!;
    const error = (await python([
      recipe('resplit.py'),
      '--data',
      data,
      '--out',
      out,
      '--to-val',
      testGroup,
    ]).catch((e: Error) => e)) as Error;
    expect(error.message).toContain(`no training image in group(s) ${testGroup}`);
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow(/ENOENT/);
  }, 60_000);
});
