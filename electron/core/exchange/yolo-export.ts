import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { typedRegions, type ExportEnv, type FormatWriter, type ExportSample } from './export-types';
import { labelFileNeeded, tallyUnkept } from './verdict-notes';
import { yoloLines, type YoloMode } from './yolo-lines';

const UNSPLIT = 'unsplit';

/**
 * YOLO (Ultralytics layout): `images/<split>/<name>` and `labels/<split>/<stem>.txt`, class
 * names in data.yaml and classes.txt in taxonomy order (every type, so class numbers stay the
 * same from one export to the next).
 */
export function yoloWriter(mode: YoloMode) {
  return async (env: ExportEnv): Promise<FormatWriter> => {
    const names = env.taxonomy.defectTypes.map((type) => type.name);
    const classOf = new Map(names.map((name, i) => [name, i]));
    const splits = new Set<string>();
    return {
      async add(sample: ExportSample) {
        const split = sample.split ?? UNSPLIT;
        const { name, stem } = env.files.reserve(sample.fileName, sample.id);
        const file = `images/${split}/${name}`;
        await env.files.place(sample.path, file);
        splits.add(split);
        if (split === UNSPLIT) env.notes.tally(`no split; written under images/${UNSPLIT}/`);
        tallyUnkept(sample, env, 'YOLO', ['category', 'domain', 'partId']);
        const lines: string[] = [];
        let written = 0;
        for (const region of typedRegions(sample, file, env, 'YOLO')) {
          const cls = classOf.get(region.defectType as string);
          if (cls === undefined) {
            env.notes.region(
              file,
              sample.id,
              region.id,
              `type ${region.defectType} is not in the taxonomy; not written`,
            );
            continue;
          }
          const out = yoloLines(region.shape, cls, sample.width, sample.height, mode);
          for (const note of out.notes) env.notes.region(file, sample.id, region.id, note);
          lines.push(...out.lines);
          if (out.lines.length > 0) written++;
        }
        if (!labelFileNeeded(sample, written, file, env, 'YOLO')) return 0;
        const dir = join(env.outDir, 'labels', split);
        await env.files.ensureDir(dir);
        await writeFile(join(dir, `${stem}.txt`), lines.length > 0 ? `${lines.join('\n')}\n` : '');
        return written;
      },
      async finish() {
        await writeFile(join(env.outDir, 'classes.txt'), names.map((n) => `${n}\n`).join(''));
        await writeFile(join(env.outDir, 'data.yaml'), dataYaml(names, splits));
      },
    };
  };
}

/** Ultralytics needs train and val; a missing one points at a split that exists. */
function dataYaml(names: readonly string[], splits: ReadonlySet<string>): string {
  const present = ['train', 'val', 'test', UNSPLIT].filter((s) => splits.has(s));
  const pick = (wanted: string, ...fallback: string[]) =>
    [wanted, ...fallback, ...present].find((s) => splits.has(s));
  const lines = ['# written by MAU Studio', 'path: .'];
  const train = pick('train', UNSPLIT);
  const val = pick('val', 'test', UNSPLIT);
  if (train) lines.push(`train: images/${train}`);
  if (val) lines.push(`val: images/${val}`);
  if (splits.has('test')) lines.push('test: images/test');
  lines.push(`nc: ${names.length}`, 'names:');
  names.forEach((name, i) => lines.push(`  ${i}: '${name.replace(/'/g, "''")}'`));
  return `${lines.join('\n')}\n`;
}
