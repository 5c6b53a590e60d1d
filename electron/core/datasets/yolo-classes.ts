import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssue } from './coco-schema';
import type { ScanContext } from './types';
import { readYamlNames } from './yolo-yaml';

/** The class names of a YOLO dataset, and the file that gave them (for problem messages). */
export type YoloClasses = { names: string[] | null; file: string | null };

export const YAML_FILES = ['data.yaml', 'data.yml', 'dataset.yaml', 'dataset.yml'];
export const LIST_FILES = ['classes.txt', 'obj.names'];

const Name = z.string().trim().min(1, 'is empty: a class needs a name');
const Names = z.union([
  z.array(Name),
  z.record(z.string().regex(/^\d+$/, 'is not a class index (0, 1, …)'), Name),
]);

/** Names from data.yaml (first) or classes.txt; null names when neither exists or is usable. */
export async function readYoloClasses(context: ScanContext): Promise<YoloClasses> {
  for (const file of YAML_FILES) {
    const text = await readFile(join(context.root, file), 'utf8').catch(() => null);
    if (text === null) continue;
    const report = (reason: string) => context.problems.push({ file, reason });
    const { names, nc } = readYamlNames(text);
    if (names === undefined) {
      report('names: missing; looking for classes.txt instead');
      break;
    }
    const parsed = Names.safeParse(names);
    if (!parsed.success) {
      report(describeIssue('names', parsed.error));
      return { names: null, file };
    }
    const list = Array.isArray(parsed.data) ? parsed.data : fromIndexMap(parsed.data, report);
    if (list && nc !== undefined && nc !== list.length)
      report(`nc: is ${String(nc)}, but names lists ${list.length}`);
    return { names: list, file };
  }
  for (const file of LIST_FILES) {
    const text = await readFile(join(context.root, file), 'utf8').catch(() => null);
    if (text === null) continue;
    const names = text.split(/\r?\n/).map((l) => l.trim());
    while (names.at(-1) === '') names.pop();
    const blank = names.indexOf('');
    if (blank >= 0)
      context.problems.push({ file, reason: `line ${blank + 1}: is empty: a class needs a name` });
    return { names, file };
  }
  return { names: null, file: null };
}

function fromIndexMap(map: Record<string, string>, report: (reason: string) => void): string[] | null {
  const names: string[] = [];
  const count = Object.keys(map).length;
  for (let i = 0; i < count; i++) {
    const name = map[String(i)];
    if (name === undefined) {
      report(`names: class ${i} is missing (indices must run 0..${count - 1})`);
      return null;
    }
    names.push(name);
  }
  return names;
}
