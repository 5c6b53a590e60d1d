import { ExecutionProvider } from '../../contract/api-inference';
import { createCore } from '../../core/app';
import { UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { allProblems } from '../import-report';
import { formatInferenceReport, providerLine, resolveModel } from '../infer-report';
import { modelsDirOption } from '../models-dir';
import { withOpenProject } from '../open-project';
import {
  oneOf,
  parseFilterOption,
  parseOptions,
  printUsage,
  PROJECT_FOLDER,
  requiredOption,
} from '../parse-options';
import { runJob, unfinishedExitCode } from '../run-job';

const usage = `Usage: mau-studio infer <project> --model <pack> [options]

Runs a model pack over the images of the project in <project> and records a prediction per
image (score, verdict, heat map, regions). Images this pack version already predicted are
skipped. <pack> is a pack folder (registered in the project on first use), or the name (or
name@version) of a pack registered in the project or shipped with the app.

Options:
  --model <pack>         the model pack (required)
  --filter-json <json>   which images, as a samples filter, e.g. '{"splits":["test"]}' (default: all)
  --provider <p>         ${ExecutionProvider.options.join('|')}; a comma-separated list is an order
                         (default: the platform's GPU path, then CPU; CPU is always the last resort)
  --threads <n>          threads of the model session (default: one fewer than the cores,
                         so images decode beside the model; MAU-GPT packs: one per core)
  --force                run images again even when this pack version already predicted them
  --models-dir <dir>     where shipped packs live (default: $MAU_STUDIO_MODELS_DIR or the app's models/)
  -h, --help             show this help

Progress goes to stderr, the report to stdout.
Exit code: 0 when every image was predicted or skipped, 2 when some failed, 1 when the run could not start.`;

const options = {
  model: { type: 'string' },
  'filter-json': { type: 'string' },
  provider: { type: 'string' },
  threads: { type: 'string' },
  force: { type: 'boolean' },
  'models-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseThreads(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(`--threads must be a whole number 1..256, not "${text}"`, usage);
  return n;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseOptions(argv, options, usage, PROJECT_FOLDER);
  if (help) return printUsage(io, usage);
  const modelName = requiredOption(values.model, '--model <pack>', usage);
  const filter = parseFilterOption(values['filter-json'], usage);
  const threads = parseThreads(values.threads);
  const providers = values.provider
    ?.split(',')
    .map((p) => oneOf(p.trim(), ExecutionProvider.options, 'provider', usage));
  const modelsDir = modelsDirOption(values['models-dir'], io);

  const core = createCore({ transport: 'http', modelsDir });
  return withOpenProject(
    positionals[0]!,
    async (session, project) => {
      const pack = await resolveModel(session, modelName);
      io.out(
        `Project "${project.name}" (${project.sampleCount} samples): ${pack.name} ${pack.version} (${pack.kind})\n`,
      );
      const job = await runJob(session, io, 'run', () =>
        session.call('inference:start', {
          packId: pack.packId,
          filter,
          providers,
          threads,
          force: values.force,
        }),
      );
      const registered = (await session.call('models:list', {})).find(
        (m) => m.registered && m.name === pack.name && m.version === pack.version,
      );
      const provider = registered ? await providerLine(session, registered.packId) : '';
      io.out(formatInferenceReport(job, await allProblems(session, job), provider));
      if (job.state !== 'done') return unfinishedExitCode(job);
      return (job.outcome.failed ?? job.failed) > 0 ? 2 : 0;
    },
    core,
  );
}

export const inferCommand: Command = {
  name: 'infer',
  summary: 'run a model pack over a project’s images',
  usage,
  run,
};
