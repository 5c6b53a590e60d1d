import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FinetuneReport, FinetuneStart } from '../../contract/api-finetune';
import { asPackId } from '../../contract/api-inference';
import { asSampleId } from '../../contract/ids';
import type { EventBus } from '../event-bus';
import { exportProject } from '../exchange';
import type { JobContext } from '../jobs/job-manager';
import { registeredPackId } from '../models/pack-info';
import { addPack } from '../models/pack-registry';
import type { ProjectStore } from '../store';
import { registerBase, type BasePack } from './base-pack';
import { comparePacks } from './compare-packs';
import { exportedIds, heldOutIds } from './held-out';
import { runRecipe } from './recipe-process';
import { subContext } from './sub-context';
import { tunedIdentity } from './tuned-identity';

export type FinetuneDeps = {
  store: ProjectStore;
  bus: EventBus;
  python: string;
  recipe: string;
  repo: string;
};

/** Where the recipe builds a pack before renaming it to `out` (kept in step with finetune.py). */
export const partialDir = (out: string) => join(out, '..', `.${out.split(/[\\/]/).pop()}.partial`);

/**
 * The fine-tune loop: export the project as MAU-Set (a scratch folder, removed after), run the
 * recipe's adapter stage on the base pack, register the new pack, then run and score both packs
 * on the export's held-out images. Cancelled or failed, nothing is left at the pack's folder and
 * nothing is registered.
 */
export async function runFinetune(
  deps: FinetuneDeps,
  params: FinetuneStart,
  base: BasePack,
  context: JobContext,
): Promise<FinetuneReport> {
  const { store } = deps;
  const scratch = await mkdtemp(join(tmpdir(), 'mau-finetune-'));
  const tuned = tunedIdentity(store.dir, base);
  let registered = false;
  try {
    await discardStalePartials(join(store.dir, 'models'));
    const data = join(scratch, 'mauset');
    const exportOptions = {
      format: 'mauset' as const,
      outDir: data,
      filter: params.filter,
      reviewedOnly: params.reviewedOnly,
    };
    await exportProject(store, exportOptions, subContext(context, 'MAU-Set export'));
    context.signal.throwIfAborted();

    const started = performance.now();
    const counts = { train: 0, val: 0, test: 0 };
    let steps = 0;
    const args = [
      '--base',
      base.dir,
      '--data',
      data,
      '--out',
      tuned.dir,
      '--name',
      tuned.name,
      '--version',
      tuned.version,
    ];
    if (params.steps) args.push('--steps', String(params.steps));
    if (params.smoke) args.push('--smoke');
    context.message(`training the AMoE-LoRA adapter of ${base.name} ${base.version}…`);
    await runRecipe(
      { python: deps.python, script: deps.recipe, args, cwd: deps.repo },
      context.signal,
      (line) => {
        if (line.stage === 'adapter' && 'loss' in line) {
          if (steps === 0) context.setTotal(line.steps);
          context.advance(line.step - steps);
          steps = line.step;
          context.message(`adapter step ${line.step}/${line.steps}, loss ${line.loss.toFixed(4)}`);
        } else if (line.stage === 'data' && 'train' in line) Object.assign(counts, line);
        else if ('message' in line) context.message(line.message);
      },
    );
    const trainingMs = performance.now() - started;
    context.signal.throwIfAborted();

    const tunedRow = (await addPack(store, tuned.dir)).record.id;
    registered = true;
    const baseRow = await registerBase(store, base.dir);
    const heldOut = await heldOutIds(store, exportedIds(store, params.filter, params.reviewedOnly));
    context.message(`comparing both packs on ${heldOut.length} held-out images…`);
    const comparison = await comparePacks(
      deps,
      { base: baseRow, tuned: tunedRow },
      heldOut,
      params.filter,
      context,
    );
    return {
      base: {
        packId: asPackId(registeredPackId(baseRow)),
        dir: base.dir,
        name: base.name,
        version: base.version,
      },
      tuned: { packId: asPackId(registeredPackId(tunedRow)), ...tuned },
      data: { train: counts.train, val: counts.val, test: counts.test },
      steps,
      trainingMs,
      heldOut: heldOut.length,
      heldOutIds: heldOut.map(asSampleId),
      comparison,
    };
  } catch (error) {
    if (!registered) await rm(tuned.dir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(partialDir(tuned.dir), { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * A run the app was killed in leaves `.…partial` folders; the app never resumes them (the
 * recipe's --resume is for runs started by hand), so they are only disk space.
 */
async function discardStalePartials(modelsDir: string): Promise<void> {
  if (!existsSync(modelsDir)) return;
  for (const entry of await readdir(modelsDir)) {
    if (entry.startsWith('.') && entry.endsWith('.partial')) {
      await rm(join(modelsDir, entry), { recursive: true, force: true });
    }
  }
}
