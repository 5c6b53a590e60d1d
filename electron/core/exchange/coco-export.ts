import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Shape } from '../../contract';
import { cocoGeometry, type CocoGeometry } from './coco-records';
import { typedRegions, type ExportEnv, type FormatWriter, type ExportSample } from './export-types';
import { JsonArrayWriter, TextSink } from './json-stream';

const ANNOTATIONS = 'annotations.json';
const PENDING = '.annotations.part';

/**
 * COCO: `annotations.json` and `images/`. Images stream into the file while annotations go to a
 * side file that is appended at the end, so memory stays flat however large the project is.
 * Image-level facts COCO has no field for (verdict, split, texts, …) ride along in
 * `images[].mau`, which other readers ignore and our importer reads back (all but the texts).
 */
export async function cocoWriter(env: ExportEnv): Promise<FormatWriter> {
  const main = await TextSink.create(join(env.outDir, ANNOTATIONS));
  const pending = await TextSink.create(join(env.outDir, PENDING));
  const categoryIds = new Map(env.taxonomy.defectTypes.map((type, i) => [type.name, i + 1]));
  const categories = env.taxonomy.defectTypes.map((type, i) => ({
    id: i + 1,
    name: type.name,
    supercategory: type.category || 'defect',
  }));
  const info = { description: 'exported by MAU Studio', date_created: new Date().toISOString() };
  await main.write(
    `{"info":${JSON.stringify(info)},"licenses":[],"categories":${JSON.stringify(categories)},"images":[`,
  );
  const images = new JsonArrayWriter(main);
  const annotations = new JsonArrayWriter(pending);
  let imageId = 0;
  let annotationId = 0;

  /** Places the image file (may overlap other images); the returned commit writes its JSON in order. */
  const prepare = async (sample: ExportSample) => {
    const { name } = env.files.reserve(sample.fileName, sample.id);
    const file = `images/${name}`;
    await env.files.place(sample.path, file);
    return async () => {
      const id = ++imageId;
      const { verdict, split, domain, category, partId, defectTypes, texts } = sample;
      const mau = { verdict, split, domain, category, partId, defectTypes, texts };
      await images.push({ id, file_name: name, width: sample.width, height: sample.height, mau });
      let written = 0;
      for (const region of typedRegions(sample, file, env, 'COCO')) {
        const geometry = geometryOf(region.shape, sample);
        const categoryId = categoryIds.get(region.defectType as string);
        if (typeof geometry === 'string' || categoryId === undefined) {
          const reason =
            typeof geometry === 'string' ? geometry : `type ${region.defectType} is not in the taxonomy`;
          env.notes.region(file, sample.id, region.id, `${reason}; not written`);
          continue;
        }
        await annotations.push({
          id: ++annotationId,
          image_id: id,
          category_id: categoryId,
          ...geometry,
          iscrowd: 0,
        });
        written++;
      }
      return written;
    };
  };

  return {
    prepare,
    async add(sample: ExportSample) {
      return (await prepare(sample))();
    },
    async finish() {
      await pending.close();
      await main.write('\n],"annotations":[');
      await main.append(join(env.outDir, PENDING));
      await main.write('\n]}\n');
      await main.close();
      await rm(join(env.outDir, PENDING));
    },
    async abort() {
      await Promise.allSettled([main.close(), pending.close()]);
      await rm(join(env.outDir, PENDING), { force: true });
    },
  };
}

function geometryOf(shape: Shape, sample: ExportSample): CocoGeometry | string {
  try {
    return cocoGeometry(shape, sample.width, sample.height) ?? 'is an empty mask (no pixel set)';
  } catch (error) {
    return (error as Error).message;
  }
}
