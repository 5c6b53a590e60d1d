/**
 * In-page functions for the viewer bench (self-contained: Playwright serialises them). The app
 * has no "image shown" signal yet, so the probe wraps Konva's Layer.drawScene: the first draw of
 * a layer whose Image node holds a bitmap it has not drawn before is when the new image reached
 * the canvas. Timestamps are performance.now(), the same clock as KeyboardEvent.timeStamp.
 */

export type Draw = { t: number; width: number };
export type Input = { key: string; t: number };
export type ViewerProbe = { inputs: Input[]; draws: Draw[]; patched: boolean };
type KonvaLike = { Layer?: { prototype: Record<string, unknown> } };
type ProbeWindow = { __benchViewer: ViewerProbe; Konva?: KonvaLike };

export function installViewerProbe(): void {
  const probe: ViewerProbe = { inputs: [], draws: [], patched: false };
  const w = window as unknown as ProbeWindow;
  w.__benchViewer = probe;
  performance.setResourceTimingBufferSize(100_000);
  addEventListener('keydown', (e) => probe.inputs.push({ key: e.key, t: e.timeStamp }), true);
  addEventListener('dblclick', (e) => probe.inputs.push({ key: 'dblclick', t: e.timeStamp }), true);
  let shown: unknown = null;
  let konva: KonvaLike | undefined;
  const patch = (): boolean => {
    const proto = konva?.Layer?.prototype;
    if (!proto) return false;
    const original = proto.drawScene as (...args: unknown[]) => unknown;
    type LayerLike = {
      findOne?(selector: string): { image?(): unknown } | undefined;
      getStage?(): { getLayers(): unknown[] } | null;
    };
    proto.drawScene = function (this: LayerLike, ...args: unknown[]) {
      const result = original.apply(this, args);
      // Only the bottom layer: the image layer of the fixed stack (the overlay may hold a heatmap image).
      if (this.getStage?.()?.getLayers()[0] === this) {
        const image = this.findOne?.('Image')?.image?.() as { width?: number } | undefined;
        if (image && image !== shown) {
          shown = image;
          probe.draws.push({ t: performance.now(), width: image.width ?? 0 });
        }
      }
      return result;
    };
    probe.patched = true;
    return true;
  };
  // Konva registers itself as window.Konva while its modules load, before Layer is attached.
  Object.defineProperty(window, 'Konva', {
    configurable: true,
    get: () => konva,
    set: (value: KonvaLike) => {
      konva = value;
      const retry = () => {
        if (!patch()) setTimeout(retry, 20);
      };
      setTimeout(retry, 0);
    },
  });
}

export type MediaFetch = { start: number; end: number; fromCache: boolean };

/** Every request for the full-size image of one sample (Resource Timing), oldest first. */
export function imageFetches(sampleId: number): MediaFetch[] {
  const pattern = new RegExp(`/media/(image|raw)/${sampleId}([?#]|$)`);
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => pattern.test(e.name))
    .map((e) => ({ start: e.startTime, end: e.responseEnd, fromCache: e.transferSize === 0 }));
}

/** The sample ids of the grid's tiles, in grid order. */
export function tileIds(): number[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="thumb-tile"]')].map((t) =>
    Number(t.dataset.sampleId),
  );
}
