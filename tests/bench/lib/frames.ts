import { median, percentile } from './stats';

export type FrameStats = { frames: number; p50: number; p95: number; max: number; droppedShare: number };

/**
 * From animation-frame timestamps: the interval percentiles and the share of frames dropped,
 * counting an interval of n vsync periods as n − 1 dropped frames out of n.
 */
export function frameStats(stamps: readonly number[], vsyncMs: number): FrameStats {
  const intervals = stamps.slice(1).map((t, i) => t - (stamps[i] as number));
  let expected = 0;
  let dropped = 0;
  for (const dt of intervals) {
    const periods = Math.max(1, Math.round(dt / vsyncMs));
    expected += periods;
    dropped += periods - 1;
  }
  return {
    frames: intervals.length,
    p50: median(intervals),
    p95: percentile(intervals, 95),
    max: intervals.length ? Math.max(...intervals) : Number.NaN,
    droppedShare: expected ? (dropped / expected) * 100 : Number.NaN,
  };
}

/** The display's frame period as the page sees it when idle, snapped to a common refresh rate. */
export function vsyncFrom(idleStamps: readonly number[]): number {
  const intervals = idleStamps.slice(1).map((t, i) => t - (idleStamps[i] as number));
  const measured = median(intervals);
  const rates = [60, 75, 90, 120, 144];
  const best = rates
    .map((hz) => 1000 / hz)
    .sort((a, b) => Math.abs(a - measured) - Math.abs(b - measured))[0];
  return Number.isFinite(measured) && best !== undefined && Math.abs(best - measured) < 3 ? best : 1000 / 60;
}
