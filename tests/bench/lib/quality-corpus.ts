import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cachedDir } from './scratch';
import { repoRoot } from './repo';

const DATASETS = ['bsdata', 'deeppcb', 'neu-det'];
const cli = join(repoRoot, 'bin', 'mau-studio.mjs');

/**
 * The three datasets of ../shared/data imported into a project and exported as MAU-Set by the
 * app's own CLI, as the shipped pack's recipe builds its corpus (README of models/recipe): the
 * same leak-free splits, so its test split is the one the pack was never trained or tuned on.
 * Kept between runs (about a minute to build).
 */
export async function qualityCorpus(log: (message: string) => void): Promise<string> {
  const { dir, reused } = await cachedDir(
    'mau-bench-quality-corpus',
    `v1 ${DATASETS.join(',')}`,
    async (root) => {
      const project = join(root, 'project');
      for (const dataset of DATASETS) {
        log(`importing ${dataset}`);
        execFileSync(
          process.execPath,
          [cli, 'import', project, join(repoRoot, '..', 'shared', 'data', dataset)],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
      }
      log('exporting MAU-Set');
      execFileSync(
        process.execPath,
        [cli, 'export', project, '--format', 'mauset', '--out', join(root, 'mauset')],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
    },
  );
  if (reused) log('corpus reused from an earlier run');
  return join(dir, 'mauset');
}
