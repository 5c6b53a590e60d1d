import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script without type declarations
import { nativeExternals, nodeBundle } from '../../../build/electron-bundles.mjs';
import { bsdataDir, fixtureExpectations, repoRoot } from './run-cli';

const run = promisify(execFile);

function requiresOf(file: string): string[] {
  const names = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

// Inside the repository, so the bundles resolve native modules from its node_modules like the app does.
const outdir = join(repoRoot, 'tests', '.artifacts', `bundle-${process.pid}`);

describe('electron bundles', () => {
  beforeAll(async () => {
    mkdirSync(outdir, { recursive: true });
    await run(process.execPath, ['build/bundle-electron.mjs', '--outdir', outdir], { cwd: repoRoot });
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect(requiresOf(join(outdir, 'preload.cjs'))).toEqual(['electron']);
  });

  it('leaves only Node built-ins and native modules outside main and the workers', () => {
    const allowed = new Set([
      ...nativeExternals,
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ]);
    for (const file of ['main.cjs', 'import-worker.cjs', 'postprocess-worker.cjs']) {
      expect(
        requiresOf(join(outdir, file)).filter((name) => !allowed.has(name)),
        file,
      ).toEqual([]);
    }
  });

  it('runs a bundled core that starts its bundled import, session and post-processing workers', async () => {
    // The CLI, bundled the way main is: same core, same import.meta.url shim, same sibling workers.
    await build({
      ...nodeBundle,
      entryPoints: [join(repoRoot, 'electron/cli/index.ts')],
      outfile: join(outdir, 'cli.cjs'),
    });
    const project = join(outdir, 'project');
    const env = { ...process.env, MAU_STUDIO_SETTINGS_DIR: join(outdir, 'settings') };
    const cli = join(outdir, 'cli.cjs');
    await run(process.execPath, [cli, 'import', project, bsdataDir, '--fixture-only'], { env });
    const { stdout } = await run(process.execPath, [cli, 'info', project, '--json'], { env });
    expect(JSON.parse(stdout).sampleCount).toBe(fixtureExpectations(bsdataDir).count);
    const pack = join(repoRoot, 'models', 'test-models', 'anomalib-v2');
    // Exit code 0: every image predicted (a failed one exits 2, and execFile rejects).
    const infer = await run(process.execPath, [cli, 'infer', project, '--model', pack], { env });
    const { count } = fixtureExpectations(bsdataDir);
    expect(infer.stdout).toContain(`done, ${count} of ${count} images`);
    expect(infer.stdout).toMatch(/failed\s+0/);
  }, 180_000);

  it('bundles the inference-providers bench to run under plain Node from outside the checkout', async () => {
    const benchDir = join(outdir, 'bench');
    await run(process.execPath, ['build/bundle-bench.mjs', '--outdir', benchDir], { cwd: repoRoot });
    const allowed = new Set([
      ...nativeExternals,
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ]);
    expect(requiresOf(join(benchDir, 'bench.cjs')).filter((name) => !allowed.has(name))).toEqual([]);
    // CUDA's provider library is not installed here (nor on any machine without the GPU add-on),
    // so the bench must report the engine's fall-back rather than fail
    const env = { ...process.env, MAU_BENCH_REPO: repoRoot, MAU_BENCH_PROVIDERS: 'cuda' };
    const { stdout } = await run(process.execPath, [join(benchDir, 'bench.cjs'), '--quick'], {
      env,
      cwd: outdir,
    });
    const result = JSON.parse(stdout) as { bench: string; measures: { name: string; value: unknown }[] };
    expect(result.bench).toBe('inference-providers');
    const cuda = result.measures.find((m) => m.name === 'cuda: session');
    expect(String(cuda?.value)).toMatch(/^not available here, fell back to CPU: .+/);
  }, 120_000);
});
