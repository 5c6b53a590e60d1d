// Bundles the Electron side into dist-electron/: main.cjs, preload.cjs and one .cjs per core
// worker (electron/core/**/*-worker.ts), which the core starts as siblings of main.cjs.
// Usage: node build/bundle-electron.mjs [--outdir DIR]
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stdout } from 'node:process';
import { parseArgs } from 'node:util';
import { nodeBundle, preloadBundle, repoRoot, workerEntries, workerOutName } from './electron-bundles.mjs';

const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = values.outdir ?? join(repoRoot, 'dist-electron');

rmSync(outdir, { recursive: true, force: true });
const workers = workerEntries();
await Promise.all([
  build({
    ...nodeBundle,
    entryPoints: [join(repoRoot, 'electron/main/index.ts')],
    outfile: join(outdir, 'main.cjs'),
  }),
  build({
    ...preloadBundle,
    entryPoints: [join(repoRoot, 'electron/preload/index.ts')],
    outfile: join(outdir, 'preload.cjs'),
  }),
  ...workers.map((entry) =>
    build({ ...nodeBundle, entryPoints: [entry], outfile: join(outdir, workerOutName(entry)) }),
  ),
]);
const names = ['main.cjs', 'preload.cjs', ...workers.map(workerOutName)];
stdout.write(`bundled ${names.join(', ')} into ${relative(repoRoot, outdir) || outdir}\n`);
