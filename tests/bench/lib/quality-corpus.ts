import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cachedDir } from './scratch';
import { repoRoot } from './repo';

/** The datasets of ../shared/data the shipped pack is trained and scored on. */
export const QUALITY_DATASETS = ['bsdata', 'deeppcb', 'neu-det'] as const;
const cli = join(repoRoot, 'bin', 'mau-studio.mjs');

/** One `mau-studio` command; its progress is dropped, its stderr is in the error if it fails. */
const runCli = (args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * The three datasets of ../shared/data imported into a project and exported as MAU-Set by the
 * app's own CLI, as the shipped pack's recipe builds its corpus (README of models/recipe): the
 * same leak-free splits, so its test split is the one the pack was never trained or tuned on.
 * Kept between runs (about a minute to build).
 */
export async function qualityCorpus(log: (message: string) => void): Promise<string> {
  const key = `v1 ${QUALITY_DATASETS.join(',')}`;
  const { dir, reused } = await cachedDir('mau-bench-quality-corpus', key, async (root) => {
    const project = join(root, 'project');
    for (const dataset of QUALITY_DATASETS) {
      log(`importing ${dataset}`);
      runCli(['import', project, join(repoRoot, '..', 'shared', 'data', dataset)]);
    }
    log('exporting MAU-Set');
    runCli(['export', project, '--format', 'mauset', '--out', join(root, 'mauset')]);
  });
  if (reused) log('corpus reused from an earlier run');
  return join(dir, 'mauset');
}
