import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMAIN_NAMES, writeSyntheticDataset, type DomainName } from '../../core/synthetic';
import { CliError, UsageError, type CliIo } from '../cli-io';
import { describeError, withCliSession, type CliSession } from '../cli-session';
import type { Command } from '../command';
import { allProblems, failedCount, formatImportReport } from '../import-report';
import { shippedModelsDir } from '../models-dir';
import { openOrCreateProject } from '../open-project';
import { oneOf, parseOptions, printUsage } from '../parse-options';
import { runJob, unfinishedExitCode } from '../run-job';

const DEMO_PACK = 'mau-gpt-mini';

const usage = `Usage: mau-studio demo [<dir>] [options]

Draws a seeded synthetic defect dataset (MVTec layout, exact masks) into <dir>/data, makes a
project in <dir> (default ./mau-demo), imports the data, and registers the ${DEMO_PACK} model
pack when the app ships one. The same seed always gives the same images.

Options:
  --count <n>         number of images, about half with one defect (default 60)
  --seed <s>          seed of the generator, 0–4294967295 (default 1)
  --size <px>         width and height of each image, 64–1024 (default 256)
  --domain <name>     only this category; repeatable: ${DOMAIN_NAMES.join('|')}
  --models-dir <dir>  where shipped packs live (default: $MAU_STUDIO_MODELS_DIR or the app's models/)
  -h, --help          show this help

Exit code: 0 when everything was imported, 2 when some images failed, 1 when it could not run.`;

const options = {
  count: { type: 'string', default: '60' },
  seed: { type: 'string', default: '1' },
  size: { type: 'string', default: '256' },
  domain: { type: 'string', multiple: true },
  'models-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, not "${text}"`, usage);
  }
  return n;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseOptions(argv, options, usage, {
    min: 0,
    max: 1,
    names: 'the demo folder',
  });
  if (help) return printUsage(io, usage);
  const dir = resolve(positionals[0] ?? 'mau-demo');
  const dataDir = join(dir, 'data');
  const generator = {
    count: wholeNumber(values.count, 'count', 1, 100_000),
    seed: wholeNumber(values.seed, 'seed', 0, 0xffffffff),
    size: wholeNumber(values.size, 'size', 64, 1024),
    domains: (values.domain ?? DOMAIN_NAMES).map((d) =>
      oneOf(d, DOMAIN_NAMES, 'domain', usage),
    ) as DomainName[],
  };
  // Mixing two seeds' images in one folder would make the manifest lie about them.
  if (existsSync(dataDir) && (!statSync(dataDir).isDirectory() || readdirSync(dataDir).length > 0)) {
    throw new CliError(`${dataDir} already exists and is not empty; pick another folder or remove it`);
  }

  io.err(
    `Drawing ${generator.count} synthetic images (seed ${generator.seed}, ${generator.size} px) into ${dataDir}\n`,
  );
  const started = Date.now();
  const manifest = await writeSyntheticDataset(dataDir, generator, (done, total) => {
    if (io.stderrIsTTY) io.err(`\r  ${done}/${total}`);
  });
  if (io.stderrIsTTY) io.err('\n');
  const types = Object.entries(manifest.counts.byType)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
  io.out(
    `Generated ${manifest.counts.ok} OK and ${manifest.counts.ng} NG images in ${Date.now() - started} ms (${types})\n`,
  );

  return withCliSession(undefined, async (session) => {
    const { project, created } = await openOrCreateProject(session, dir);
    io.out(`${created ? 'Created' : 'Opened'} project "${project.name}" in ${project.dir}\n`);
    const job = await runJob(session, io, 'import', () =>
      session.call('import:start', { source: dataDir, format: 'mvtec', sourceName: 'synthetic' }),
    );
    io.out(formatImportReport(job, await allProblems(session, job)));
    if (job.state !== 'done') return unfinishedExitCode(job);
    await registerDemoPack(session, io, values['models-dir'] ?? shippedModelsDir(io));
    io.out(`Open it with: mau-studio serve --project ${project.dir}\n`);
    return failedCount(job) > 0 ? 2 : 0;
  });
}

/** Registers the shipped demo pack when there is one; its absence is not an error for a demo. */
async function registerDemoPack(
  session: CliSession,
  io: CliIo,
  modelsDir: string | undefined,
): Promise<void> {
  const pack = modelsDir ? join(resolve(modelsDir), DEMO_PACK) : undefined;
  if (!pack || !statSync(pack, { throwIfNoEntry: false })?.isDirectory()) {
    io.out(`No model pack at ${pack ?? `models/${DEMO_PACK}`}; skipping model registration\n`);
    return;
  }
  const added = await session.invoke('models:add', { dir: pack });
  if (!added.ok) {
    io.out(`Model pack ${pack} could not be registered: ${describeError(added.error)}\n`);
    return;
  }
  io.out(
    `Registered model pack ${added.value.name} ${added.value.version}; run it with: mau-studio infer <dir> --model ${added.value.name}\n`,
  );
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'draw a synthetic defect dataset and import it into a new project',
  usage,
  run,
};
