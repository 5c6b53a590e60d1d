/**
 * Small inline SVG charts for the HTML report and the evaluation screen: no library, no external
 * URL, no node or DOM API, readable as text. Every chart is a fixed 320×240 view box that scales
 * with the page.
 */
import { axisFraction, axisTicks, type ScoreScale } from './score-scale';

const W = 320;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 36 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** Where the unit square of `unitCurve` lies in its view box, for code that places a marker on it. */
export const UNIT_PLOT = { left: PAD.left, top: PAD.top, width: PLOT_W, height: PLOT_H } as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();
const px = (x: number) => PAD.left + x * PLOT_W;
const py = (y: number) => PAD.top + (1 - y) * PLOT_H;

function frame(title: string, xLabel: string, yLabel: string, body: string, ticks: string): string {
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>
<rect x="${PAD.left}" y="${PAD.top}" width="${PLOT_W}" height="${PLOT_H}" class="plot"/>
${ticks}${body}
<text x="${PAD.left + PLOT_W / 2}" y="${H - 4}" class="axis" text-anchor="middle">${escapeHtml(xLabel)}</text>
<text x="12" y="${PAD.top + PLOT_H / 2}" class="axis" text-anchor="middle" transform="rotate(-90 12 ${PAD.top + PLOT_H / 2})">${escapeHtml(yLabel)}</text>
</svg>`;
}

function unitTicks(): string {
  return [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<text x="${px(t)}" y="${PAD.top + PLOT_H + 14}" class="tick" text-anchor="middle">${t}</text>` +
        `<text x="${PAD.left - 4}" y="${py(t) + 3}" class="tick" text-anchor="end">${t}</text>`,
    )
    .join('');
}

/** A curve in the unit square; `id` names a marker the threshold slider moves. */
export function unitCurve(opts: {
  title: string;
  xLabel: string;
  yLabel: string;
  points: readonly (readonly [number, number])[];
  diagonal?: boolean;
  markerId?: string;
}): string {
  const path = opts.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fmt(px(x))},${fmt(py(y))}`).join('');
  const diagonal = opts.diagonal
    ? `<line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" class="chance"/>`
    : '';
  const empty =
    opts.points.length === 0
      ? `<text x="${px(0.5)}" y="${py(0.5)}" class="tick" text-anchor="middle">needs OK and NG images</text>`
      : '';
  const marker = opts.markerId
    ? `<circle id="${opts.markerId}" r="4" cx="-10" cy="-10" class="marker"/>`
    : '';
  return frame(
    opts.title,
    opts.xLabel,
    opts.yLabel,
    `${diagonal}<path d="${path}" class="curve"/>${empty}${marker}`,
    unitTicks(),
  );
}

/**
 * OK and NG score counts as side-by-side bars over shared bins, even on the histogram's scale
 * (score-scale.ts), ticked in scores; `markerId` names a vertical line (off the plot until
 * placed) that a threshold slider moves (axisFraction says where).
 */
export function scoreBars(
  histogram: { edges: readonly number[]; ok: readonly number[]; ng: readonly number[]; scale: ScoreScale },
  markerId?: string,
): string {
  const { edges, ok, ng, scale } = histogram;
  const max = Math.max(1, ...ok, ...ng);
  const bins = ok.length;
  const barW = bins ? PLOT_W / bins : 0;
  const bars = (counts: readonly number[], cls: string, shift: number) =>
    counts
      .map((c, i) => {
        const h = (c / max) * PLOT_H;
        const range = `${fmtScore(edges[i])}–${fmtScore(edges[i + 1])}`;
        return `<rect x="${fmt(PAD.left + i * barW + shift)}" y="${fmt(PAD.top + PLOT_H - h)}" width="${fmt(barW / 2)}" height="${fmt(h)}" class="${cls}"><title>${c} ${cls.toUpperCase()} · ${range}</title></rect>`;
      })
      .join('');
  const ticks = axisTicks(edges, scale)
    .map((t) => {
      const at = axisFraction(edges, scale, t) ?? 0;
      // a tick at an end of the axis reads inwards, so it stays inside the chart
      const anchor = at < 0.02 ? 'start' : at > 0.98 ? 'end' : 'middle';
      return `<text x="${fmt(px(at))}" y="${PAD.top + PLOT_H + 14}" class="tick" text-anchor="${anchor}">${fmtScore(t)}</text>`;
    })
    .join('');
  const count = bins
    ? `<text x="${PAD.left - 4}" y="${PAD.top + 8}" class="tick" text-anchor="end">${max}</text>`
    : '';
  // above the plot, in its top margin: inside it the tallest bars ran under the legend
  const legend =
    `<rect x="${px(0.7)}" y="2" width="8" height="8" class="ok"/><text x="${px(0.7) + 11}" y="10" class="tick">OK</text>` +
    `<rect x="${px(0.86)}" y="2" width="8" height="8" class="ng"/><text x="${px(0.86) + 11}" y="10" class="tick">NG</text>`;
  const marker = markerId
    ? `<line id="${markerId}" x1="-10" x2="-10" y1="${PAD.top}" y2="${PAD.top + PLOT_H}" class="marker-line"/>`
    : '';
  return frame(
    'Image scores: OK vs NG',
    scale === 'logit' ? 'image score (logit scale)' : 'image score',
    'images',
    bars(ok, 'ok', 0) + bars(ng, 'ng', barW / 2) + legend + marker,
    ticks + count,
  );
}

/** A score as a tick or tooltip says it: 0.5, 0.99, 0.9999, 1e-4; three decimals on a linear axis. */
function fmtScore(score: number | undefined): string {
  if (score === undefined) return '';
  if (score > 0 && score < 0.001) return score.toExponential(0);
  if (score > 0.99 && score < 1) return score.toFixed(Math.min(6, Math.ceil(-Math.log10(1 - score))));
  return fmt(score);
}

/** Rows truth, columns prediction; cell shade follows the share of its row. */
export function confusionGrid(labels: readonly string[], matrix: readonly (readonly number[])[]): string {
  const n = labels.length;
  if (n === 0) return '<p>No images to tabulate.</p>';
  const cell = Math.max(18, Math.min(48, Math.floor(360 / n)));
  const left = 110;
  const top = 90;
  const size = { w: left + n * cell + 8, h: top + n * cell + 8 };
  const cells = matrix
    .map((row, i) => {
      const rowTotal = Math.max(
        1,
        row.reduce((s, v) => s + v, 0),
      );
      return row
        .map((v, j) => {
          const shade = (v / rowTotal).toFixed(3);
          return (
            `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" class="${i === j ? 'cell diagonal' : 'cell'}" fill-opacity="${shade}"/>` +
            // an empty cell stays blank: with 15 types a grid of zeros hid the few counts that matter
            (v === 0
              ? ''
              : `<text x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2 + 4}" class="${v / rowTotal > 0.5 ? 'tick on-dark' : 'tick'}" text-anchor="middle">${v}</text>`)
          );
        })
        .join('');
    })
    .join('');
  const rowNames = labels
    .map(
      (l, i) =>
        `<text x="${left - 4}" y="${top + i * cell + cell / 2 + 4}" class="tick" text-anchor="end">${escapeHtml(l)}</text>`,
    )
    .join('');
  const colNames = labels
    .map((l, j) => {
      const x = left + j * cell + cell / 2;
      return `<text x="${x}" y="${top - 6}" class="tick" transform="rotate(-45 ${x} ${top - 6})">${escapeHtml(l)}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${size.w} ${size.h}" role="img" aria-label="L2 confusion matrix" style="max-width:${size.w * 1.5}px"><title>L2 confusion matrix (rows: truth, columns: predicted)</title>${cells}${rowNames}${colNames}</svg>`;
}
