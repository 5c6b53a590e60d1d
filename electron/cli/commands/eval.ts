import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SampleFilter } from '../../contract';
import type { EvaluatedModel } from '../../contract/api-evaluation';
import { createCore } from '../../core/app';
import { formatSummary, renderHtmlReport } from '../../core/evaluation';
import { CliError, UsageError, type CliIo } from '../cli-io';
import { openCliSession, type CliSession } from '../cli-session';
import type { Command } from '../command';
import { runJob } from '../run-job';
import { parseOptions } from '../parse-options';

const usage = `Usage: mau-studio eval <project> --model <pack> [options]

Scores a model pack's predictions against the project's current labels (corrected where a
person corrected them): image AUROC, F1-max, overkill and escape at a threshold, pixel AUROC and
AUPRO from the heat maps, region precision/recall, L2 confusion and text scores, per domain,
category and defect type. Images without a prediction of the pack, without an OK/NG label, or
whose file moved are counted and listed, not scored. <pack> is a pack folder, or the name (or
name@version) of a pack with predictions in the project. Run 'mau-studio infer' first.

Options:
  --model <pack>         the model pack (required)
  --json <file>          write the whole report as JSON
  --html <file>          write a self-contained HTML report (charts, threshold slider)
  --filter-json <json>   which images, as a samples filter, e.g. '{"splits":["test"]}' (default: all)
  --threshold <t>        decision threshold on the image score (default 0.5)
  --map-size <n>         heat maps and masks are resampled to n×n for pixel metrics (default 256)
  --no-pixels            skip the pixel metrics (no heat maps read)
  --models-dir <dir>     where shipped packs live (default: $MAU_STUDIO_MODELS_DIR or the app's models/)
  -h, --help             show this help

Exit code: 0 when the evaluation ran, 1 when it could not.`;

const options = {
  model: { type: 'string' },
  json: { type: 'string' },
  html: { type: 'string' },
  'filter-json': { type: 'string' },
  threshold: { type: 'string' },
  'map-size': { type: 'string' },
  'no-pixels': { type: 'boolean' },
  'models-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function numberOption(
  text: string | undefined,
  name: string,
  check: (n: number) => boolean,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !check(n))
    throw new UsageError(`--${name}: "${text}" is not allowed here`, usage);
  return n;
}

function parseFilter(json: string | undefined): SampleFilter | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new UsageError(`--filter-json is not JSON: ${(error as Error).message}`, usage);
  }
  const parsed = SampleFilter.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--filter-json: ${issue.path.join('.') || '(filter)'}: ${issue.message}`, usage);
  }
  return parsed.data;
}

function defaultModelsDir(io: CliIo): string | undefined {
  if (io.env.MAU_STUDIO_MODELS_DIR) return io.env.MAU_STUDIO_MODELS_DIR;
  const dir = fileURLToPath(new URL('../../../models', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}

/** A folder is registered (as infer does); a registered or shipped name is its id; else a plain name. */
async function evaluatedModel(session: CliSession, model: string): Promise<EvaluatedModel> {
  if (statSync(model, { throwIfNoEntry: false })?.isDirectory()) {
    return (await session.call('models:add', { dir: resolve(model) })).packId;
  }
  const [name, version] = model.split('@') as [string, string | undefined];
  const listed = (await session.call('models:list', {})).filter(
    (m) =>
      (m.name === name || m.packId === `shipped:${name}`) && (version === undefined || m.version === version),
  );
  if (listed.length === 1) return listed[0]!.packId;
  return version === undefined ? { name } : { name, version };
}

function write(file: string, text: string, what: string, io: CliIo): void {
  const path = resolve(file);
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new CliError(`${path}: cannot write the ${what} report: ${(error as Error).message}`);
  }
  io.err(`wrote ${what} report to ${path}\n`);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseOptions(argv, options, usage, {
    min: 1,
    max: 1,
    names: 'the project folder',
  });
  if (help) {
    io.out(`${usage}\n`);
    return 0;
  }
  if (!values.model) throw new UsageError('missing --model <pack>', usage);
  const filter = parseFilter(values['filter-json']);
  const threshold = numberOption(values.threshold, 'threshold', Number.isFinite);
  const mapSize = numberOption(
    values['map-size'],
    'map-size',
    (n) => Number.isInteger(n) && n >= 16 && n <= 1024,
  );
  const modelsDir = values['models-dir'] ? resolve(values['models-dir']) : defaultModelsDir(io);

  const session = openCliSession(createCore({ transport: 'http', modelsDir }));
  try {
    await session.call('project:open', { dir: resolve(positionals[0]!) });
    const model = await evaluatedModel(session, values.model);
    const job = await runJob(session, io, 'evaluation', () =>
      session.call('eval:start', { model, filter, threshold, mapSize, pixelMetrics: !values['no-pixels'] }),
    );
    if (job.state !== 'done') {
      io.err(`evaluation ${job.state}: ${job.message}\n`);
      return job.state === 'cancelled' ? 130 : 1;
    }
    const report = await session.call('eval:report', { jobId: job.id });
    io.out(formatSummary(report));
    if (values.json) write(values.json, `${JSON.stringify(report, null, 2)}\n`, 'JSON', io);
    if (values.html) write(values.html, renderHtmlReport(report), 'HTML', io);
    return 0;
  } finally {
    await session.close();
  }
}

export const evalCommand: Command = {
  name: 'eval',
  summary: "score a model pack's predictions against the labels (metrics, JSON and HTML report)",
  usage,
  run,
};
