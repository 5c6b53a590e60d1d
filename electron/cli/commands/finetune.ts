import { resolve } from 'node:path';
import type { FinetuneReport } from '../../contract/api-finetune';
import { UsageError, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { withOpenProject } from '../open-project';
import { parseOptions, printUsage, PROJECT_FOLDER, requiredOption } from '../parse-options';
import { runReportedJob } from '../run-job';

const usage = `Usage: mau-studio finetune <project> --base <pack> [options]

Exports the project's labels as MAU-Set, trains the AMoE-LoRA adapter of a mau-gpt pack on them
(models/recipe/finetune.py, python from MAU_STUDIO_PYTHON or /usr/bin/python3), registers the new
pack in the project and compares it with its base on the held-out (test) images.

Options:
  --base <pack>         a mau-gpt pack folder, or a pack id (pack:<n>, shipped:<folder>)
  --steps <n>           adapter training steps (default: the recipe's; 12 with --smoke)
  --smoke               few steps on few images, to check the loop
  --reviewed-only       train only on images a reviewer decided
  -h, --help            show this help

Exit code: 0 when the new pack is registered, 130 when cancelled, 1 when it could not run.`;

const options = {
  base: { type: 'string' },
  steps: { type: 'string' },
  smoke: { type: 'boolean' },
  'reviewed-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const num = (v: number | null) => (v === null ? '–' : v.toFixed(3));

function formatReport(r: FinetuneReport): string {
  const { base, tuned } = r.comparison;
  const row = (label: string, s: typeof base) =>
    `  ${label.padEnd(6)} ${`${s.name} ${s.version}`.padEnd(44)} ${String(s.evaluated).padStart(6)}  ${num(s.total.auroc).padStart(6)}  ${num(s.total.averagePrecision).padStart(6)}`;
  return [
    `New pack ${r.tuned.name} ${r.tuned.version} (${r.tuned.packId}) in ${r.tuned.dir}`,
    `Trained ${r.steps} adapter steps on ${r.data.train} images in ${(r.trainingMs / 1000).toFixed(1)} s`,
    `Held-out images: ${r.heldOut}`,
    `         ${'pack'.padEnd(44)} scored   AUROC      AP`,
    row('base', base),
    row('tuned', tuned),
    '',
  ].join('\n');
}

function parseSteps(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const steps = Number(text);
  if (!Number.isInteger(steps) || steps < 1)
    throw new UsageError(`--steps must be a whole number ≥ 1, got ${text}`, usage);
  return steps;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseOptions(argv, options, usage, PROJECT_FOLDER);
  if (help) return printUsage(io, usage);
  const basePack = requiredOption(values.base, '--base <pack>', usage);
  const steps = parseSteps(values.steps);
  const base = /^(pack|shipped):/.test(basePack) ? basePack : resolve(basePack);
  return withOpenProject(positionals[0]!, async (session) => {
    const outcome = await runReportedJob(
      session,
      io,
      'fine-tune',
      () =>
        session.call('finetune:start', {
          base,
          steps,
          smoke: values.smoke,
          reviewedOnly: values['reviewed-only'],
        }),
      (jobId) => session.call('finetune:report', { jobId }),
    );
    if ('exitCode' in outcome) return outcome.exitCode;
    io.out(formatReport(outcome.report));
    return 0;
  });
}

export const finetuneCommand: Command = {
  name: 'finetune',
  summary: 'train a new mau-gpt pack from the project’s labels and compare it with its base',
  usage,
  run,
};
