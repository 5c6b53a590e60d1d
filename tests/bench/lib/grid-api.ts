import { isMethod, type Input, type Method, type SampleId } from '../../../electron/contract';
import { benchCore } from './bench-core';
import { median, since, timeRepeated } from './stats';

/** `method` is a plain string: a call whose method left the contract is skipped, not a crash. */
export type ApiCall = { label: string; method: string; input: (ids: SampleId[]) => unknown };

/** The calls the grid makes on open and while scrolling, on the whole project and on a filter. */
const CALLS: ApiCall[] = [
  { label: 'samples:ids, no filter', method: 'samples:ids', input: () => ({}) },
  {
    label: 'samples:ids, NG in test',
    method: 'samples:ids',
    input: () => ({ filter: { verdicts: ['NG'], splits: ['test'] } }),
  },
  { label: 'samples:facets, no filter', method: 'samples:facets', input: () => ({}) },
  {
    label: 'samples:facets, NG in test',
    method: 'samples:facets',
    input: () => ({ filter: { verdicts: ['NG'], splits: ['test'] } }),
  },
  { label: 'samples:page, 60 rows', method: 'samples:page', input: (ids) => ({ ids: middle(ids, 60) }) },
  { label: 'samples:page, 1,000 rows', method: 'samples:page', input: (ids) => ({ ids: middle(ids, 1000) }) },
  { label: 'review:stats, no filter', method: 'review:stats', input: () => ({}) },
];

export const GRID_CALLS: (ApiCall & { method: Method })[] = CALLS.filter(
  (call): call is ApiCall & { method: Method } => isMethod(call.method),
);

const REPEATS = 7;

function middle(ids: SampleId[], count: number): SampleId[] {
  const from = Math.max(0, Math.floor(ids.length / 2) - Math.floor(count / 2));
  return ids.slice(from, from + count);
}

export type CallTimes = { first: number; median: number };

/**
 * Through dispatch on a core of our own (no transport), on a freshly opened project: each call's
 * first run (cold statement cache and pages, in the order the grid asks) and the median of the
 * next ones.
 */
export async function timeInProcess(projectDir: string): Promise<Map<string, CallTimes>> {
  const bench = benchCore();
  try {
    await bench.call('project:open', { dir: projectDir });
    let start = performance.now();
    const { ids } = await bench.call('samples:ids', {});
    const idsFirst = since(start);
    const out = new Map<string, CallTimes>();
    for (const [i, call] of GRID_CALLS.entries()) {
      const input = call.input(ids) as Input<typeof call.method>;
      const run = () => bench.call(call.method, input);
      start = performance.now();
      if (i > 0) await run();
      const first = i > 0 ? since(start) : idsFirst;
      out.set(call.label, { first, median: median(await timeRepeated(run, REPEATS, 0)) });
    }
    return out;
  } finally {
    await bench.core.close();
  }
}

async function post(base: string, method: Method, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`api/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? response.status}`);
  return body.value;
}

/** Median milliseconds per call over HTTP, JSON both ways included: what the renderer waits for. */
export async function timeOverHttp(base: string): Promise<Map<string, number>> {
  const { ids } = (await post(base, 'samples:ids', {})) as { ids: SampleId[] };
  const out = new Map<string, number>();
  for (const call of GRID_CALLS) {
    const input = call.input(ids);
    out.set(call.label, median(await timeRepeated(() => post(base, call.method, input), REPEATS)));
  }
  return out;
}
