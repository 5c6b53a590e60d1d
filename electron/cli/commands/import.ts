import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ImportFormat, Split } from '../../contract';
import { CliError, type CliIo } from '../cli-io';
import { withCliSession } from '../cli-session';
import type { Command } from '../command';
import { allProblems, failedCount, formatImportReport } from '../import-report';
import { openOrCreateProject } from '../open-project';
import { oneOf, parseOptions, printUsage } from '../parse-options';
import { runJob, unfinishedExitCode } from '../run-job';

const usage = `Usage: mau-studio import <project> <source> [options]

Imports the images (and annotations) of <source> into the project folder <project>, creating
the project if the folder holds none. Images are referenced in place, not copied.

Options:
  --format <f>         ${ImportFormat.options.join('|')} (default auto: detected)
  --fixture-only       import only the rows the dataset manifest marks as its test fixture
  --source-name <name> name of this source in the project (default: the folder name)
  --split <s>          put every image into this split: ${Split.options.join('|')}
  -h, --help           show this help

Progress goes to stderr, the report to stdout.
Exit code: 0 when every file was imported, 2 when some failed, 1 when the import could not run.`;

const options = {
  format: { type: 'string', default: 'auto' },
  'fixture-only': { type: 'boolean' },
  'source-name': { type: 'string' },
  split: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseOptions(argv, options, usage, {
    min: 2,
    max: 2,
    names: 'the project folder and the source folder',
  });
  if (help) return printUsage(io, usage);
  const [projectDir, source] = positionals as [string, string];
  const format = oneOf(values.format, ImportFormat.options, 'format', usage);
  const split = values.split === undefined ? undefined : oneOf(values.split, Split.options, 'split', usage);
  // Checked before the project is made, so a typo does not leave an empty project behind.
  if (!statSync(source, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`${source}: no such folder`);
  }

  return withCliSession(undefined, async (session) => {
    const { project, created } = await openOrCreateProject(session, projectDir);
    io.out(
      created
        ? `Created a new project "${project.name}" in ${project.dir}\n`
        : `Opened project "${project.name}" (${project.sampleCount} samples) in ${project.dir}\n`,
    );
    const job = await runJob(session, io, 'import', () =>
      session.call('import:start', {
        source: resolve(source),
        format,
        split,
        sourceName: values['source-name'],
        fixtureOnly: values['fixture-only'],
      }),
    );
    io.out(formatImportReport(job, await allProblems(session, job)));
    if (job.state !== 'done') return unfinishedExitCode(job);
    return failedCount(job) > 0 ? 2 : 0;
  });
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import a dataset folder into a project',
  usage,
  run,
};
