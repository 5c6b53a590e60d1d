import type { Facets, ProjectSummary } from '../../contract';
import type { CliIo } from '../cli-io';
import type { Command } from '../command';
import { withOpenProject } from '../open-project';
import { parseOptions, printUsage, PROJECT_FOLDER } from '../parse-options';

const usage = `Usage: mau-studio info <project> [--json]

Shows a project's name and how its samples divide by source, verdict, split, defect type,
category and review state.

Options:
  --json      print one JSON object instead of a table
  -h, --help  show this help`;

const options = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const facetNames = ['sources', 'verdicts', 'splits', 'defectTypes', 'categories', 'reviewStates'] as const;
const labels: Record<(typeof facetNames)[number], string> = {
  sources: 'Sources',
  verdicts: 'Verdicts',
  splits: 'Splits',
  defectTypes: 'Defect types',
  categories: 'Categories',
  reviewStates: 'Review states',
};

type Counts = Record<string, number>;

function countsOf(facet: { value: string; count: number }[]): Counts {
  return Object.fromEntries(facet.map(({ value, count }) => [value, count]));
}

/** The machine-readable shape: every facet as `{ value: count }`. */
export function infoJson(project: ProjectSummary, facets: Facets) {
  return {
    name: project.name,
    dir: project.dir,
    createdAt: project.createdAt,
    schemaVersion: project.schemaVersion,
    imageRoots: project.imageRoots,
    sampleCount: facets.projectTotal,
    ...(Object.fromEntries(facetNames.map((name) => [name, countsOf(facets[name])])) as Record<
      (typeof facetNames)[number],
      Counts
    >),
  };
}

function infoText(project: ProjectSummary, facets: Facets): string {
  const lines = [
    `Project        ${project.name}`,
    `Folder         ${project.dir}`,
    `Samples        ${facets.projectTotal}`,
  ];
  for (const name of facetNames) {
    const entries = facets[name].map(({ value, count }) => `${value} ${count}`);
    lines.push(`${labels[name].padEnd(15)}${entries.length > 0 ? entries.join(' · ') : '—'}`);
  }
  return `${lines.join('\n')}\n`;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals, help } = parseOptions(argv, options, usage, PROJECT_FOLDER);
  if (help) return printUsage(io, usage);
  return withOpenProject(positionals[0]!, async (session, project) => {
    const facets = await session.call('samples:facets', {});
    io.out(
      values.json ? `${JSON.stringify(infoJson(project, facets), null, 2)}\n` : infoText(project, facets),
    );
    return 0;
  });
}

export const infoCommand: Command = {
  name: 'info',
  summary: "show a project's samples at a glance",
  usage,
  run,
};
