import type { DrawContext } from './types';

/** A drawing context that records its calls, for the region kinds' tests. */
export function recordingContext(): DrawContext & { calls: string[] } {
  const calls: string[] = [];
  const log =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push(`${name}(${args.map((a) => (typeof a === 'object' ? 'obj' : String(a))).join(',')})`);
  return {
    calls,
    beginPath: log('beginPath'),
    moveTo: log('moveTo'),
    lineTo: log('lineTo'),
    closePath: log('closePath'),
    rect: log('rect'),
    fill: log('fill'),
    stroke: log('stroke'),
    setLineDash: log('setLineDash'),
    setAttr: log('setAttr'),
    drawImage: log('drawImage'),
  };
}
