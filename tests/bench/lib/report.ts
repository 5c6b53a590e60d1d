import { escapeCell, formatValue, formatVerdict } from './format';
import type { Machine } from './machine';
import type { BenchOutcome } from './types';

export type RunInfo = {
  command: string;
  date: Date;
  machine: Machine;
  loadAtStart: string;
  loadAtEnd: string;
  seconds: number;
  /** Benches whose sections were kept from an earlier run (with --only). */
  kept: string[];
};

const begin = (name: string) => `<!-- bench:${name} -->`;
const end = (name: string) => `<!-- /bench:${name} -->`;

export function renderHeader(run: RunInfo): string {
  const m = run.machine;
  return [
    '# Performance',
    '',
    'Written by `npm run bench` (tests/bench/index.ts); rerun it rather than editing this file.',
    'Performance is only measured here, never asserted in unit tests. A result is one run on the',
    'machine below: when the load average is above the core count, every number is inflated by other',
    'work on the machine, and ratios measured within one run (shares, cold vs warm) are what to compare.',
    '',
    '| | |',
    '|---|---|',
    `| Command | \`${run.command}\` |`,
    `| Date | ${run.date.toISOString()} |`,
    `| Machine | ${m.cores} cores, ${m.memoryGiB} GiB memory, ${escapeCell(m.cpuModel)} |`,
    `| Software | ${m.os}, Node ${m.node}, ${escapeCell(m.chromium)} |`,
    `| Load average (1 / 5 / 15 min) | ${run.loadAtStart} at the start, ${run.loadAtEnd} at the end |`,
    `| Duration | ${Math.round(run.seconds)} s |`,
    ...(run.kept.length
      ? [`| Kept from earlier runs | ${run.kept.join(', ')} (each section names its own run) |`]
      : []),
    '',
  ].join('\n');
}

export function renderSection(
  outcome: BenchOutcome,
  quick: boolean,
  loads: { start: string; end: string },
): string {
  const { bench, result, error } = outcome;
  const lines = [
    begin(bench.name),
    `## ${bench.name}: ${bench.title}`,
    '',
    bench.method,
    '',
    `Run ${outcome.startedAt.toISOString()}${quick ? ' with `--quick`' : ''}, ${Math.round(outcome.seconds)} s; ` +
      `load average ${loads.start} at its start, ${loads.end} at its end.`,
    '',
  ];
  if (error) lines.push(`**The bench failed:** ${escapeCell(error)}`, '');
  if (result) {
    lines.push('| Measure | Value | Target | Result |', '|---|---:|---|---|');
    for (const m of result.measures) {
      lines.push(
        `| ${escapeCell(m.name)} | ${formatValue(m)} | ${escapeCell(m.target ?? '—')} | ${formatVerdict(m)} |`,
      );
    }
    lines.push('');
    for (const note of result.notes) lines.push(`- ${note}`);
    if (result.notes.length) lines.push('');
  }
  lines.push(end(bench.name));
  return lines.join('\n');
}

/** The sections of an earlier report, by bench name, so `--only` keeps what it did not rerun. */
export function parseSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const pattern = /<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g;
  for (const match of markdown.matchAll(pattern)) sections.set(match[1] as string, match[0]);
  return sections;
}

export function renderReport(header: string, sections: string[]): string {
  return `${header}\n${sections.join('\n\n')}\n`;
}
