import { resolve } from 'node:path';
import { ExportFormat, type ExportReport } from '../../contract/api-exchange';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { withOpenProject } from '../open-project';
import {
  filterJsonValue,
  oneOf,
  parseOptions,
  printUsage,
  PROJECT_FOLDER,
  requiredOption,
} from '../parse-options';
import { runReportedJob } from '../run-job';

/** `yolo` alone is ambiguous (boxes or outlines); the short names users type map onto the table's. */
const formatAliases: Record<string, ExportFormat> = { yolo: 'yolo-detect' };
const formatChoices = [...ExportFormat.options, ...Object.keys(formatAliases)];

const usage = `Usage: mau-studio export <project> --format <format> --out <dir> [options]

Writes the project's current labels (corrected where a person corrected them, imported ground
truth otherwise) in a format other tools read, with export-report.json listing everything the
format could not hold.

Options:
  --format <f>          ${formatChoices.join('|')} (yolo = yolo-detect)
  --out <dir>           an empty or new folder outside the project
  --filter-json <json>  which images, as a samples filter, e.g. '{"verdicts":["NG"]}' (default: all)
  --copy-images         copy image files instead of hard-linking them
  --reviewed-only       only images a reviewer decided (review state ok, ng or corrected)
  -h, --help            show this help

Exit code: 0 when everything was written, 2 when some images were skipped, 1 when it could not run.`;

const options = {
  format: { type: 'string' },
  out: { type: 'string' },
  'filter-json': { type: 'string' },
  'copy-images': { type: 'boolean' },
  'reviewed-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function formatReport(report: ExportReport): string {
  const lines = [
    `Exported ${report.exported} images with ${report.regions} regions as ${report.format} to ${report.outDir}` +
      ` in ${(report.elapsedMs / 1000).toFixed(1)} s`,
  ];
  if (report.skipped > 0) lines.push(`Skipped ${report.skipped} images`);
  if (report.notRepresentable.length > 0) {
    lines.push(`Not representable in ${report.format} (${report.notRepresentable.length}):`);
    for (const note of report.notRepresentable) lines.push(`  ${note.file}: ${note.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseOptions(argv, options, usage, PROJECT_FOLDER);
  if (help) return printUsage(io, usage);
  const formatName = requiredOption(values.format, '--format <format>', usage);
  const out = requiredOption(values.out, '--out <dir>', usage);
  const chosen = oneOf(formatName, formatChoices, 'format', usage);
  const format = formatAliases[chosen] ?? (chosen as ExportFormat);
  // Checked as a filter by the contract, as over IPC and HTTP.
  const filter = filterJsonValue(values['filter-json'], usage);

  const outDir = resolve(out);
  return withOpenProject(positionals[0]!, async (session) => {
    const outcome = await runReportedJob(
      session,
      io,
      'export',
      () =>
        session.call('export:start', {
          format,
          outDir,
          filter: filter as never,
          copyImages: values['copy-images'],
          reviewedOnly: values['reviewed-only'],
        }),
      (jobId) => session.call('export:report', { jobId }),
    );
    if ('exitCode' in outcome) return outcome.exitCode;
    io.out(formatReport(outcome.report));
    return outcome.report.skipped > 0 ? 2 : 0;
  });
}

export const exportCommand: Command = {
  name: 'export',
  summary: "write the project's labels as COCO, LabelMe, YOLO, MVTec, MAU-Set or MMAD questions",
  usage,
  run,
};
