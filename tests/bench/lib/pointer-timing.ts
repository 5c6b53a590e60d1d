/**
 * In-page: brackets every pointermove and mousemove between a capturing listener on window (runs
 * first) and a bubbling one on window (runs after the stage's own listeners and Konva's), so the
 * difference is the synchronous time the page spent handling the event. Self-contained.
 */
export function installPointerTiming(): void {
  const w = window as unknown as { __benchPointer: Record<string, number[]> };
  w.__benchPointer = { pointermove: [], mousemove: [] };
  for (const type of ['pointermove', 'mousemove'] as const) {
    let start = 0;
    addEventListener(type, () => (start = performance.now()), true);
    addEventListener(type, () => w.__benchPointer[type]!.push(performance.now() - start), false);
  }
}

export function takePointerTimings(): { pointermove: number[]; mousemove: number[] } {
  const w = window as unknown as { __benchPointer: { pointermove: number[]; mousemove: number[] } };
  const taken = w.__benchPointer;
  w.__benchPointer = { pointermove: [], mousemove: [] };
  return taken;
}
