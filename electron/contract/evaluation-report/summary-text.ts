import type { EvaluationReport, SliceMetrics } from '../api-evaluation';
import { modelVerdictSentence, thresholdLabel } from './pack-decisions';

const num = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined ? '–' : v.toFixed(digits);
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`;

export const SUMMARY_COLUMNS = [
  'slice',
  'images',
  'OK',
  'NG',
  'AUROC',
  'AP',
  'F1-max',
  'overkill',
  'escape',
  'pixel AUROC',
  'AUPRO',
];

/** The cells of one summary row, shared by the terminal table and the HTML report. */
export function summaryCells(s: SliceMetrics, prefix = ''): string[] {
  return [
    `${prefix}${s.name}`,
    String(s.images),
    String(s.ok),
    String(s.ng),
    num(s.auroc),
    num(s.averagePrecision),
    s.f1Max ? `${num(s.f1Max.f1)} @${num(s.f1Max.threshold)}` : '–',
    pct(s.atThreshold.overkillRate),
    pct(s.atThreshold.escapeRate),
    num(s.pixel?.auroc),
    num(s.pixel?.aupro),
  ];
}

export function summaryRows(report: EvaluationReport): string[][] {
  return [
    summaryCells(report.total),
    ...report.slices.domain.map((s) => summaryCells(s, 'domain: ')),
    ...report.slices.category.map((s) => summaryCells(s, 'category: ')),
    ...report.slices.defectType.map((s) => summaryCells(s, 'type: ')),
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

/** What `mau-studio eval` prints: who was scored, how many were skipped and why, the table. */
export function formatSummary(report: EvaluationReport): string {
  const t = report.total.atThreshold;
  const skipped = Object.entries(report.skippedBy)
    .filter(([, n]) => n > 0)
    .map(([why, n]) => `${why} ${n}`)
    .join(', ');
  const lines = [
    `Evaluated ${report.pack.name} ${report.pack.version} (${report.pack.kind}): ${report.evaluated} of ${report.selected} images` +
      ` in ${(report.elapsedMs / 1000).toFixed(1)} s`,
    report.skipped > 0 ? `Skipped ${report.skipped}: ${skipped}` : 'Skipped none',
    `At threshold ${thresholdLabel(report)}: accuracy ${pct(t.accuracy)}, precision ${pct(t.precision)}, recall ${pct(t.recall)},` +
      ` overkill ${pct(t.overkillRate)} (${t.fp} OK judged NG), escape ${pct(t.escapeRate)} (${t.fn} NG judged OK)`,
    ...[modelVerdictSentence(report)].filter((line) => line !== null),
    `Regions (IoU ≥ 0.5): precision ${pct(report.regions.precision)}, recall ${pct(report.regions.recall)}, mean IoU ${num(report.regions.meanIou)}`,
    '',
    table([SUMMARY_COLUMNS, ...summaryRows(report)]),
  ];
  for (const o of report.texts.open)
    lines.push(`L${o.level} texts: ${o.pairs} pairs, ROUGE-1 ${num(o.rouge1)}, ROUGE-L ${num(o.rougeL)}`);
  for (const c of report.texts.closed) {
    const balanced = c.balancedAccuracy === null ? '' : `, balanced ${pct(c.balancedAccuracy)}`;
    lines.push(`L${c.level} closed: ${c.correct}/${c.questions} correct (${pct(c.accuracy)}${balanced})`);
  }
  if (report.audit.audited > 0) {
    lines.push(
      `Blind audits: ${report.audit.escapes} escapes in ${report.audit.audited} (${pct(report.audit.rate)}, 95 % CI ${pct(report.audit.low)}–${pct(report.audit.high)})`,
    );
  }
  if (report.problemCount > 0) {
    lines.push(
      `Problems (${report.problemCount}${report.problemCount > report.problems.length ? `, first ${report.problems.length}` : ''}):`,
    );
    for (const p of report.problems.slice(0, 20)) lines.push(`  ${p.file}: ${p.reason}`);
    if (report.problems.length > 20) lines.push(`  … ${report.problemCount - 20} more in the JSON report`);
  }
  return `${lines.join('\n')}\n`;
}
