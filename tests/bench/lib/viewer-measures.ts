import { median, percentile } from './stats';
import type { Measure } from './types';
import type { Step, StepKind } from './viewer-page';

const COLD_MS = 300;
const WARM_MS = 50;

const LABELS: Record<StepKind, string> = {
  open: 'open from the grid',
  openAhead: 'open from the grid, read ahead by the app',
  cold: 'cold (first visit, not read ahead)',
  prefetched: 'prefetched (first visit, read ahead)',
  revisit: 'warm (revisit)',
};

function kindMeasures(kind: StepKind, steps: Step[], limit: number | null): Measure[] {
  const mine = steps.filter((s) => s.kind === kind);
  const label = LABELS[kind];
  if (!mine.length)
    return [
      {
        name: `${label}: no such step this run`,
        value: '—',
        ...(limit ? { target: `< ${limit} ms`, pass: null } : {}),
      },
    ];
  const ms = mine.map((s) => s.ms);
  const p50 = median(ms);
  const out: Measure[] = [
    {
      name: `${label}: ${kind === 'open' || kind === 'openAhead' ? 'double-click' : 'key-down'} → image on the canvas, median of ${mine.length}`,
      value: p50,
      unit: 'ms',
      ...(limit ? { target: `< ${limit} ms`, pass: p50 < limit } : {}),
    },
    {
      name: `${label}: p95 / max`,
      value: `${percentile(ms, 95).toFixed(0)} / ${Math.max(...ms).toFixed(0)} ms`,
    },
  ];
  const fetches = mine.map((s) => s.fetchMs).filter((v): v is number => v !== null);
  const after = mine.map((s) => s.afterFetchMs).filter((v): v is number => v !== null);
  if (fetches.length) {
    out.push(
      { name: `${label}: image request, median`, value: median(fetches), unit: 'ms' },
      {
        name: `${label}: response end → drawn (decode, pixel copy, draw), median`,
        value: median(after),
        unit: 'ms',
      },
    );
  }
  return out;
}

export function viewerMeasures(steps: Step[]): Measure[] {
  return [
    ...kindMeasures('open', steps, null),
    ...kindMeasures('cold', steps, COLD_MS),
    ...kindMeasures('prefetched', steps, WARM_MS),
    ...kindMeasures('revisit', steps, WARM_MS),
  ];
}
