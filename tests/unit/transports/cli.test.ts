import { execFile, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bsdataDir, fixtureExpectations, repoRoot, runCli } from './run-cli';

describe('cli', () => {
  let tmp: string;
  let env: Record<string, string>;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mau-cli-'));
    env = { MAU_STUDIO_SETTINGS_DIR: join(tmp, 'settings'), MAU_STUDIO_TOKEN: '' };
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists its commands with --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'import', 'info']) expect(stdout).toContain(command);
  });

  it('runs from the package bin without a build', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/mau-studio.mjs', '--help'], {
      cwd: repoRoot,
    });
    expect(stdout).toContain('Usage: mau-studio <command>');
  });

  it('does not create a project when the source folder is missing', async () => {
    const project = join(tmp, 'typo-project');
    const { code, stderr } = await runCli(['import', project, join(tmp, 'no-such-source')], env);
    expect(code).toBe(1);
    expect(stderr).toContain('no such folder');
    expect(existsSync(project)).toBe(false);
  });

  it('shows per-command help', async () => {
    const { code, stdout } = await runCli(['import', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--fixture-only');
  });

  it('rejects unknown options and commands with the usage and exit code 1', async () => {
    const [option, command, format] = await Promise.all([
      runCli(['info', '/tmp/x', '--colour']),
      runCli(['frobnicate']),
      runCli(['import', 'a', 'b', '--format', 'pascal']),
    ]);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("Unknown option '--colour'");
    expect(option.stderr).toContain('Usage: mau-studio info');
    expect(command.code).toBe(1);
    expect(command.stderr).toContain('unknown command');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format must be one of');
  });

  it('imports the BSData fixture into a new project, then reports it with info --json', async () => {
    const project = join(tmp, 'bsdata-project');
    const expected = fixtureExpectations(bsdataDir);
    const imported = await runCli(['import', project, bsdataDir, '--fixture-only'], env);
    expect(imported.stderr).not.toContain('unexpected error');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Created a new project');
    expect(imported.stdout).toMatch(new RegExp(`done, ${expected.count} of ${expected.count} images`));
    expect(imported.stdout).toMatch(new RegExp(`added +${expected.count}\\n`));
    expect(imported.stdout).toMatch(/failed +0\n/);
    expect(imported.stderr).toContain('Import bsdata');

    const info = await runCli(['info', project, '--json'], env);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout);
    expect(json.sampleCount).toBe(expected.count);
    expect(json.sources).toEqual({ bsdata: expected.count });
    expect(json.verdicts).toEqual(expected.verdicts);
    expect(json.splits).toEqual(expected.splits);
    expect(Object.keys(json.defectTypes).length).toBeGreaterThan(0);

    const again = await runCli(['import', project, bsdataDir, '--fixture-only'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Opened project');
    expect(again.stdout).toMatch(new RegExp(`unchanged +${expected.count}\\n`));
    const after = JSON.parse((await runCli(['info', project, '--json'], env)).stdout);
    expect(after.sampleCount).toBe(expected.count);

    const out = join(tmp, 'bsdata-coco');
    const exported = await runCli(['export', project, '--format', 'coco', '--out', out], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      new RegExp(`Exported ${expected.count} images with \\d+ regions as coco`),
    );
    const coco = JSON.parse(readFileSync(join(out, 'annotations.json'), 'utf8'));
    expect(coco.images).toHaveLength(expected.count);
    expect(coco.annotations.length).toBeGreaterThan(0);
  });

  it('exits with 2 and names every file that failed, keeping the good ones', async () => {
    const source = join(tmp, 'mixed');
    mkdirSync(source);
    copyFileSync(join(bsdataDir, 'data', readdirSync(join(bsdataDir, 'data'))[0]!), join(source, 'good.jpg'));
    writeFileSync(join(source, 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    const project = join(tmp, 'mixed-project');
    const { code, stdout } = await runCli(['import', project, source, '--format', 'folder'], env);
    expect(code).toBe(2);
    expect(stdout).toMatch(/broken\.jpg: .+/);
    expect(stdout).not.toMatch(/good\.jpg:/);
    const info = JSON.parse((await runCli(['info', project, '--json'], env)).stdout);
    expect(info.sampleCount).toBeGreaterThanOrEqual(1);
  });

  it('fails with exit code 1 and a clear message on a folder that is not a project', async () => {
    const { code, stderr } = await runCli(['info', join(tmp, 'nothing')], env);
    expect(code).toBe(1);
    expect(stderr).toContain('not a MAU Studio project');
  });

  it('refuses to serve beyond loopback without a token', async () => {
    const { code, stderr, stdout } = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('without a token');
  });

  it('serves: prints exactly one line once listening, answers, and stops on SIGTERM', async () => {
    const project = join(tmp, 'served');
    const child = spawn(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['electron/cli/index.ts', 'serve', '--port', '0', '--project', project],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env, MAU_STUDIO_MODELS_DIR: '' },
      },
    );
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    const first = new Promise<string>((resolve) => reader.once('line', resolve));
    reader.on('line', (line) => lines.push(line));
    const url = /^MAU Studio serving at (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(await first)?.[1];
    expect(url).toBeDefined();
    const res = await fetch(new URL('api/app:info', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ ok: true, value: { transport: 'http' } });
    // the browser offers the shipped default pack in every project, as the desktop app does
    const models = await fetch(new URL('api/models:list', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const listed = (await models.json()) as { value: { name: string; shipped: boolean; dir: string }[] };
    expect(listed.value).toContainEqual(
      expect.objectContaining({
        name: 'mau-gpt-mini',
        shipped: true,
        dir: join(repoRoot, 'models/mau-gpt-mini'),
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines).toHaveLength(1);
  });
});
