import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE } from './lib/args';
import { discoverBenches } from './lib/discover';
import { formatValue, formatVerdict } from './lib/format';
import { describeMachine, loadAverage } from './lib/machine';
import { parseSections, renderHeader, renderReport, renderSection } from './lib/report';
import type { Bench, BenchOutcome } from './lib/types';

const here = dirname(fileURLToPath(import.meta.url));
const reportPath = join(here, '..', '..', 'docs', 'PERFORMANCE.md');

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function runOne(bench: Bench, quick: boolean): Promise<{ outcome: BenchOutcome; section: string }> {
  const startedAt = new Date();
  const loadStart = loadAverage();
  const start = performance.now();
  log(`${bench.name}: starting (load ${loadStart})`);
  let outcome: BenchOutcome;
  try {
    const result = await bench.run({ quick, log: (m) => log(`${bench.name}: ${m}`) });
    outcome = { bench, startedAt, seconds: (performance.now() - start) / 1000, result, error: null };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${bench.name}: FAILED ${message}`);
    outcome = {
      bench,
      startedAt,
      seconds: (performance.now() - start) / 1000,
      result: null,
      error: message.split('\n')[0] ?? message,
    };
  }
  const loadEnd = loadAverage();
  printOutcome(outcome);
  return { outcome, section: renderSection(outcome, quick, { start: loadStart, end: loadEnd }) };
}

function printOutcome(outcome: BenchOutcome): void {
  const lines = [`\n${outcome.bench.name} (${outcome.seconds.toFixed(1)} s)`];
  if (outcome.error) lines.push(`  failed: ${outcome.error}`);
  for (const m of outcome.result?.measures ?? []) {
    const target = m.target ? `  [target ${m.target}: ${formatVerdict(m).replace(/\*/g, '')}]` : '';
    lines.push(`  ${m.name}: ${formatValue(m)}${target}`);
  }
  for (const note of outcome.result?.notes ?? []) lines.push(`  · ${note}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const all = await discoverBenches(here);
  const unknown = args.only.filter((name) => !all.some((b) => b.name === name));
  if (unknown.length)
    throw new Error(`no bench named ${unknown.join(', ')}; there are ${all.map((b) => b.name).join(', ')}`);
  const chosen = args.only.length ? all.filter((b) => args.only.includes(b.name)) : all;

  const date = new Date();
  const machine = describeMachine();
  const loadAtStart = loadAverage();
  const start = performance.now();
  const sections = new Map<string, string>();
  let failed = 0;
  for (const bench of chosen) {
    const { outcome, section } = await runOne(bench, args.quick);
    sections.set(bench.name, section);
    if (outcome.error) failed += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  if (args.write) {
    const earlier = existsSync(reportPath)
      ? parseSections(readFileSync(reportPath, 'utf8'))
      : new Map<string, string>();
    const ordered = all
      .map((b) => sections.get(b.name) ?? earlier.get(b.name))
      .filter((s): s is string => !!s);
    const command = [
      'npm run bench',
      ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
    ].join(' ');
    const kept = all.filter((b) => !sections.has(b.name) && earlier.has(b.name)).map((b) => b.name);
    const header = renderHeader({
      command,
      date,
      machine,
      loadAtStart,
      loadAtEnd: loadAverage(),
      seconds,
      kept,
    });
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, renderReport(header, ordered));
    log(`wrote ${reportPath}`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
