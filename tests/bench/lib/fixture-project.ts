import { join } from 'node:path';
import { benchCore } from './bench-core';
import { repoRoot } from './repo';
import { scratchDir } from './scratch';

/** shared/data/<name> as the data README describes it (manifest rows with fixture=1 are small). */
export const sharedDataset = (name: string) => join(repoRoot, '..', 'shared', 'data', name);

/**
 * A new project holding the fixture rows of one shared dataset, imported through the core as a
 * user would; returns the closed project's folder.
 */
export async function fixtureProject(dataset: string, log: (m: string) => void): Promise<string> {
  const bench = benchCore();
  try {
    const dir = join(scratchDir(`fixture-${dataset}`), 'project');
    await bench.call('project:create', { dir, name: `bench ${dataset}` });
    const { jobId } = await bench.call('import:start', { source: sharedDataset(dataset), fixtureOnly: true });
    await bench.waitForJob(jobId);
    log(`imported the ${dataset} fixture into ${dir}`);
    return dir;
  } finally {
    await bench.core.close();
  }
}
