import { GRID_CALLS, type CallTimes } from './grid-api';
import type { GridLoad } from './grid-load';
import type { ScrollResult } from './grid-page';
import { median } from './stats';
import type { Measure } from './types';

const FIRST_PAINT_MS = 1000;
const FRAME_P95_MS = 33.4;

export function loadMeasures(cold: GridLoad, warm: GridLoad[], atLaunch: GridLoad): Measure[] {
  const t = cold.timeline;
  const reload = median(warm.map((w) => w.paintedAt));
  return [
    {
      name: 'time to first grid paint (navigation → first screen of tiles with images)',
      value: cold.paintedAt,
      unit: 'ms',
      target: `< ${FIRST_PAINT_MS} ms`,
      pass: cold.paintedAt < FIRST_PAINT_MS,
    },
    { name: `… app script loaded (${Math.round(t.scriptBytes / 1024)} KiB)`, value: t.scriptEnd, unit: 'ms' },
    { name: '… DOMContentLoaded', value: t.domContentLoaded, unit: 'ms' },
    { name: '… first API request sent', value: t.firstApiStart, unit: 'ms' },
    { name: '… samples:ids answered', value: t.api['samples:ids'] ?? Number.NaN, unit: 'ms' },
    { name: '… samples:facets answered', value: t.api['samples:facets'] ?? Number.NaN, unit: 'ms' },
    { name: '… first tiles in the DOM (images not yet loaded)', value: cold.tilesAt, unit: 'ms' },
    { name: 'tiles on the first screen', value: cold.tiles, unit: 'tiles' },
    {
      name: 'time to first grid paint in a browser launched just before (its start-up shares the cores)',
      value: atLaunch.paintedAt,
      unit: 'ms',
    },
    {
      name: `time to first grid paint on reload (median of ${warm.length}; script from the HTTP cache)`,
      value: reload,
      unit: 'ms',
      target: `< ${FIRST_PAINT_MS} ms`,
      pass: reload < FIRST_PAINT_MS,
    },
  ];
}

export function scrollMeasures(r: ScrollResult, control: ScrollResult): Measure[] {
  return [
    { name: 'scroll: frame time p50', value: r.scroll.p50, unit: 'ms' },
    {
      name: 'scroll: frame time p95',
      value: r.scroll.p95,
      unit: 'ms',
      target: '≤ 33 ms',
      pass: r.scroll.p95 <= FRAME_P95_MS,
    },
    {
      name: 'scroll: dropped frames',
      value: r.scroll.droppedShare,
      unit: '%',
      target: '≤ 10 % (proposed)',
      pass: r.scroll.droppedShare <= 10,
    },
    { name: 'scroll: longest frame', value: r.scroll.max, unit: 'ms' },
    {
      name: 'scroll: frames over 50 ms, and their time in script / style + layout',
      value: `${r.longFrames.count} frames, ${Math.round(r.longFrames.totalMs)} ms: ${Math.round(r.longFrames.scriptMs)} / ${Math.round(r.longFrames.layoutMs)} ms`,
    },
    {
      name: 'scroll: rows scrolled, time, speed',
      value: `${r.rowsScrolled} rows in ${(r.scrollMs / 1000).toFixed(1)} s (${Math.round(r.scrolledPx / (r.scrollMs / 1000))} px/s)`,
    },
    {
      name: 'control: the same wheel steps on a static page of tiles, frame time p50 / p95, dropped',
      value: `${control.scroll.p50.toFixed(1)} / ${control.scroll.p95.toFixed(1)} ms, ${control.scroll.droppedShare.toFixed(0)} %`,
    },
    {
      name: 'idle before the scroll: frame time p50 / p95',
      value: `${r.idle.p50.toFixed(1)} / ${r.idle.p95.toFixed(1)} ms`,
    },
    {
      name: 'after the scroll stops: screen of thumbnails shown within',
      value: r.settleMs,
      unit: 'ms',
      target: '≤ 500 ms (proposed)',
      pass: r.settledComplete && r.settleMs <= 500,
    },
  ];
}

function inProcess(times: CallTimes | undefined): string {
  if (!times) return 'not timed';
  return `${times.median.toFixed(1)} ms; its first call ${times.first.toFixed(1)} ms`;
}

/** Median over HTTP against the target; the in-process median and cold first call beside it. */
export function apiMeasures(http: Map<string, number>, local: Map<string, CallTimes>): Measure[] {
  return GRID_CALLS.map((call) => {
    const ms = http.get(call.label) ?? Number.NaN;
    const limit = call.method === 'samples:page' ? (call.label.includes('60') ? 50 : null) : 200;
    return {
      name: `API ${call.label}: HTTP (in-process ${inProcess(local.get(call.label))})`,
      value: ms,
      unit: 'ms',
      ...(limit !== null ? { target: `≤ ${limit} ms (proposed)`, pass: ms <= limit } : {}),
    };
  });
}
