// Bundles the inference-providers bench (tests/bench/lib/bundled-entry.ts) and the core's workers
// into one folder that runs under plain Node, beside node_modules holding only the native modules
// (onnxruntime-node, sharp, better-sqlite3): for measuring on a machine with a GPU but no
// toolchain. Usage: node build/bundle-bench.mjs [--outdir DIR]; then, on that machine,
// MAU_BENCH_REPO=<checkout> node DIR/bench.cjs [--quick] > result.json
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stdout } from 'node:process';
import { parseArgs } from 'node:util';
import { nodeBundle, repoRoot, workerEntries, workerOutName } from './electron-bundles.mjs';

const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = values.outdir ?? join(repoRoot, 'dist-bench');
const plain = { ...nodeBundle, sourcemap: false };

rmSync(outdir, { recursive: true, force: true });
const workers = workerEntries();
await Promise.all([
  build({
    ...plain,
    entryPoints: [join(repoRoot, 'tests/bench/lib/bundled-entry.ts')],
    outfile: join(outdir, 'bench.cjs'),
  }),
  ...workers.map((entry) =>
    build({ ...plain, entryPoints: [entry], outfile: join(outdir, workerOutName(entry)) }),
  ),
]);
stdout.write(
  `bundled bench.cjs and ${workers.length} workers into ${relative(repoRoot, outdir) || outdir}\n`,
);
