import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout: beside this file, or MAU_BENCH_REPO for a bundled bench (build/bundle-bench.mjs) run from elsewhere. */
export const repoRoot = process.env.MAU_BENCH_REPO
  ? resolve(process.env.MAU_BENCH_REPO)
  : resolve(fileURLToPath(new URL('../../..', import.meta.url)));
