import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonPath } from '../../../electron/core/finetune/python-env';
import { repoRoot, sharedData, tempDir } from '../../helpers/paths';

const run = promisify(execFile);
const recipe = (file: string) => join(repoRoot, 'models/recipe', file);
const env = { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' };

type Masks = {
  id: string;
  template: boolean;
  boxes: number;
  refined: number;
  outsideBoxes: number;
  regionsKept: number;
  regions: number;
  withoutOption: boolean;
  noTemplate: boolean;
};

/**
 * stage1.templateMasks on a real DeepPCB board of the fixture export, with its real template
 * from the shared data beside it: what the map trunk would learn from, measured in Python.
 */
describe('template masks for box-labelled boards (stage1.templateMasks)', () => {
  let masks: Masks;

  beforeAll(async () => {
    const data = join(tempDir('template-masks'), 'mauset');
    await run(pythonPath(), [recipe('tests_fixture.py'), '--out', data], { env, timeout: 120_000 });
    const script = [
      'import json, shutil, sys',
      `sys.path.insert(0, ${JSON.stringify(recipe(''))})`,
      'from pathlib import Path',
      'from data import defect_mask, template_of, training_mask',
      'from mauset import read_mauset',
      `splits = read_mauset(${JSON.stringify(data)})[1]`,
      'board = next(s for v in splits.values() for s in v if s.id.startswith("deeppcb/") and s.regions)',
      'name = Path(board.image).name.replace("_test.jpg", "_temp.jpg")',
      `shared = next(Path(${JSON.stringify(join(sharedData, 'deeppcb'))}).rglob(name))`,
      'shutil.copyfile(shared, Path(board.image).with_name(name))',
      'on, off = {"stage1": {"templateMasks": True}}, {"stage1": {"templateMasks": False}}',
      'boxes, refined = defect_mask(board), training_mask(board, on)',
      'def kept(r):',
      '    x, y, w, h = (int(round(v)) for v in r.bbox)',
      '    return bool(refined[y:y + max(h, 1), x:x + max(w, 1)].any())',
      'ball = next(s for v in splits.values() for s in v if s.id.startswith("bsdata/") and s.regions)',
      'print(json.dumps({"id": board.id, "template": template_of(board) is not None,',
      '    "boxes": int(boxes.sum()), "refined": int(refined.sum()),',
      '    "outsideBoxes": int((refined * (1 - boxes)).sum()),',
      '    "regionsKept": sum(kept(r) for r in board.regions), "regions": len(board.regions),',
      '    "withoutOption": bool((training_mask(board, off) == boxes).all()),',
      '    "noTemplate": bool((training_mask(ball, on) == defect_mask(ball)).all())}))',
    ].join('\n');
    const { stdout } = await run(pythonPath(), ['-c', script], { env, timeout: 120_000 });
    masks = JSON.parse(stdout) as Masks;
  }, 240_000);

  it("cuts a board's boxes down to where it differs from its template, inside the boxes only", () => {
    expect(masks.template).toBe(true);
    expect(masks.refined).toBeGreaterThan(0);
    expect(masks.refined).toBeLessThan(masks.boxes / 2);
    expect(masks.outsideBoxes).toBe(0);
  });

  it('keeps every region, and changes nothing without the option or without a template', () => {
    expect(masks.regionsKept).toBe(masks.regions);
    expect(masks.withoutOption).toBe(true);
    expect(masks.noTemplate).toBe(true);
  });
});
