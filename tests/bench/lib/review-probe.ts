/**
 * In-page functions for the review-throughput bench (self-contained: Playwright serialises them).
 * They rely on installViewerProbe (viewer-probe.ts) for key timestamps and image draws.
 */
type Draw = { t: number };
type Input = { key: string; t: number };
type ReviewWatch = { readyAt: number | null };
type ProbeWindow = { __benchViewer: { inputs: Input[]; draws: Draw[] }; __benchReview?: ReviewWatch };

/**
 * Starts a requestAnimationFrame loop that stamps the first frame at which the stage shows a
 * sample other than `fromId` with its pixels and label loaded, the bitmap of that image has been
 * drawn (a draw after the `drawsBefore`-th), and a prediction is selected for the next key.
 */
export function watchForNextImage([fromId, drawsBefore]: [number, number]): void {
  const w = window as unknown as ProbeWindow;
  const watch: ReviewWatch = { readyAt: null };
  w.__benchReview = watch;
  const check = (now: number) => {
    const stage = document.querySelector<HTMLElement>('[data-testid="viewer-stage"]');
    const loaded = stage?.dataset.loaded === 'true' && Number(stage.dataset.sampleId) !== fromId;
    const drawn = w.__benchViewer.draws.length > drawsBefore;
    const selected = document.querySelector('[data-testid="prediction-item"].is-selected') !== null;
    if (loaded && drawn && selected) watch.readyAt = now;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Key-down (event timestamp) to the frame the next image was ready, or null while waiting. */
export function decisionTime(key: string): { ms: number; drawMs: number } | null {
  const w = window as unknown as ProbeWindow;
  const readyAt = w.__benchReview?.readyAt;
  if (readyAt == null) return null;
  const input = [...w.__benchViewer.inputs].reverse().find((i) => i.key === key);
  const draw = w.__benchViewer.draws.at(-1);
  if (!input) return { ms: Number.NaN, drawMs: Number.NaN };
  return { ms: readyAt - input.t, drawMs: draw ? draw.t - input.t : Number.NaN };
}

export function drawCount(): number {
  return (window as unknown as ProbeWindow).__benchViewer.draws.length;
}
