import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvaluatedModel } from '../../contract/api-evaluation';
import { createCore } from '../../core/app';
import { formatSummary, renderHtmlReport } from '../../core/evaluation';
import { CliError, UsageError, type CliIo } from '../cli-io';
import type { CliSession } from '../cli-session';
import type { Command } from '../command';
import { modelsDirOption } from '../models-dir';
import { withOpenProject } from '../open-project';
import {
  parseFilterOption,
  parseOptions,
  printUsage,
  PROJECT_FOLDER,
  requiredOption,
} from '../parse-options';
import { runReportedJob } from '../run-job';

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
  --threshold <t>        decision threshold on the image score (default: the pack's; where every
                         image scored is of one category of part with a threshold of its own
                         in the pack, that one; else 0.5)
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
  const { values, positionals, help } = parseOptions(argv, options, usage, PROJECT_FOLDER);
  if (help) return printUsage(io, usage);
  const modelName = requiredOption(values.model, '--model <pack>', usage);
  const filter = parseFilterOption(values['filter-json'], usage);
  const threshold = numberOption(values.threshold, 'threshold', Number.isFinite);
  const mapSize = numberOption(
    values['map-size'],
    'map-size',
    (n) => Number.isInteger(n) && n >= 16 && n <= 1024,
  );
  const modelsDir = modelsDirOption(values['models-dir'], io);
  const pixelMetrics = !values['no-pixels'];

  const core = createCore({ transport: 'http', modelsDir });
  return withOpenProject(
    positionals[0]!,
    async (session) => {
      const model = await evaluatedModel(session, modelName);
      const outcome = await runReportedJob(
        session,
        io,
        'evaluation',
        () => session.call('eval:start', { model, filter, threshold, mapSize, pixelMetrics }),
        (jobId) => session.call('eval:report', { jobId }),
      );
      if ('exitCode' in outcome) return outcome.exitCode;
      const { report } = outcome;
      io.out(formatSummary(report));
      if (values.json) write(values.json, `${JSON.stringify(report, null, 2)}\n`, 'JSON', io);
      if (values.html) write(values.html, renderHtmlReport(report), 'HTML', io);
      return 0;
    },
    core,
  );
}

export const evalCommand: Command = {
  name: 'eval',
  summary: "score a model pack's predictions against the labels (metrics, JSON and HTML report)",
  usage,
  run,
};
