import type { EvaluationReport } from '../api-evaluation';
import { modelVerdictSentence, thresholdLabel } from './pack-decisions';
import { confusionGrid, escapeHtml, scoreBars, unitCurve, UNIT_PLOT } from './svg-charts';
import { SUMMARY_COLUMNS, summaryRows } from './summary-text';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d232a;background:#fafbfc}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.muted{color:#5f6b77}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
figure{margin:0;background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}svg{width:100%;height:auto}
table{border-collapse:collapse;background:#fff}td,th{border:1px solid #dde3e8;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}th{background:#eef2f5}
.plot{fill:#fff;stroke:#b7c2cc}.curve{fill:none;stroke:#1f6feb;stroke-width:2}.chance{stroke:#b7c2cc;stroke-dasharray:4 3}
.tick{font-size:10px;fill:#5f6b77}.tick.on-dark{fill:#fff}.axis{font-size:11px;fill:#1d232a}.marker{fill:#d1242f}
.ok{fill:#2da44e;fill-opacity:.75}.ng{fill:#d1242f;fill-opacity:.75}.cell{fill:#1f6feb;stroke:#d0d7de;stroke-width:.5}.cell.diagonal{stroke:#8c959f}
.slider{background:#fff;border:1px solid #dde3e8;border-radius:6px;padding:12px;max-width:640px}
.slider input{width:100%}.big{font-size:18px;font-weight:600}`;

/**
 * The threshold slider: walks the ROC points (falling threshold), shows overkill (= FPR, OK
 * judged NG) and escape (= 1 − TPR, NG judged OK) and moves the marker on the ROC chart (whose
 * plot area svg-charts.ts places at UNIT_PLOT).
 */
const script = (
  threshold: number,
) => `(function(){var THRESHOLD=${threshold};var pts=JSON.parse(document.getElementById('roc-data').textContent);
var s=document.getElementById('thr');if(!pts.length){s.disabled=true;return;}s.max=pts.length-1;
var p=function(v){return (v*100).toFixed(1)+' %';};
function show(){var q=pts[+s.value];document.getElementById('thr-value').textContent=q.threshold===null?'above every score':q.threshold.toFixed(4);
document.getElementById('overkill').textContent=p(q.fpr);document.getElementById('escape').textContent=p(1-q.tpr);
var m=document.getElementById('roc-marker');m.setAttribute('cx',${UNIT_PLOT.left}+q.fpr*${UNIT_PLOT.width});m.setAttribute('cy',${UNIT_PLOT.top}+(1-q.tpr)*${UNIT_PLOT.height});}
var best=0,d=2;pts.forEach(function(q,i){if(q.threshold!==null){var e=Math.abs(q.threshold-THRESHOLD);if(e<d){d=e;best=i;}}});
s.value=best;s.addEventListener('input',show);show();})();`;

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

function summaryTable(report: EvaluationReport): string {
  const head = `<tr>${SUMMARY_COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = summaryRows(report)
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${head}${body}</table>`;
}

function counts(report: EvaluationReport): string {
  const skipped = Object.entries(report.skippedBy)
    .map(([k, v]) => `${escapeHtml(k)} ${v}`)
    .join(', ');
  const pixel = Object.entries(report.pixelSkippedBy)
    .map(([k, v]) => `${escapeHtml(k)} ${v}`)
    .join(', ');
  const t = report.total.atThreshold;
  return `<p>${report.evaluated} of ${report.selected} images evaluated; skipped ${report.skipped} (${skipped}).
Pixel metrics at ${report.mapSize}×${report.mapSize}; left out of them: ${pixel}.</p>
<p>At threshold ${escapeHtml(thresholdLabel(report))}: accuracy ${pct(t.accuracy)}, precision ${pct(t.precision)}, recall ${pct(t.recall)},
overkill ${pct(t.overkillRate)} (${t.fp} OK judged NG), escape ${pct(t.escapeRate)} (${t.fn} NG judged OK).
${escapeHtml(modelVerdictSentence(report) ?? 'No stored verdicts of the pack')}.
Regions (IoU ≥ 0.5): ${report.regions.matched} of ${report.regions.predicted} predicted matched ${report.regions.truth} labelled;
precision ${pct(report.regions.precision)}, recall ${pct(report.regions.recall)}.
Blind audits: ${report.audit.escapes} escapes in ${report.audit.audited}${report.audit.audited ? ` (95 % CI ${pct(report.audit.low)}–${pct(report.audit.high)})` : ''}.</p>`;
}

function textTables(report: EvaluationReport): string {
  const open = report.texts.open
    .map(
      (o) =>
        `<tr><td>L${o.level}</td><td>${o.pairs}</td><td>${o.rouge1?.toFixed(3) ?? '–'}</td><td>${o.rougeL?.toFixed(3) ?? '–'}</td></tr>`,
    )
    .join('');
  const closed = report.texts.closed
    .map(
      (c) =>
        `<tr><td>L${c.level}</td><td>${c.questions}</td><td>${pct(c.accuracy)}</td><td>${pct(c.balancedAccuracy)}</td></tr>`,
    )
    .join('');
  if (!open && !closed)
    return '<p class="muted">No level had texts on both sides (model answer and corrected text).</p>';
  return `<table><tr><th>open level</th><th>pairs</th><th>ROUGE-1</th><th>ROUGE-L</th></tr>${open}</table>
<table><tr><th>closed level</th><th>questions</th><th>accuracy</th><th>balanced accuracy</th></tr>${closed}</table>`;
}

function problems(report: EvaluationReport): string {
  if (report.problemCount === 0) return '';
  const items = report.problems
    .map((p) => `<li>${escapeHtml(p.file)}: ${escapeHtml(p.reason)}</li>`)
    .join('');
  return `<h2>Skipped and problems (${report.problemCount})</h2><ul>${items}</ul>`;
}

/** One self-contained HTML page: inline CSS, inline SVG, a few lines of inline script. */
export function renderHtmlReport(report: EvaluationReport): string {
  const roc = report.curves.roc;
  // "<" escaped so no text in the data can close the script element
  const rocData = JSON.stringify(roc).replace(/</g, '\\u003c');
  const title = `Evaluation: ${report.pack.name} ${report.pack.version}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body>
<h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(report.pack.kind)} · ${escapeHtml(report.createdAt)} · filter ${escapeHtml(JSON.stringify(report.filter))}</p>
${counts(report)}
<h2>Threshold</h2><div class="slider"><input id="thr" type="range" min="0" max="0" step="1" value="0">
<div>threshold <span id="thr-value" class="big"></span> · overkill <span id="overkill" class="big"></span> · escape <span id="escape" class="big"></span></div>
<div class="muted">overkill: OK images judged NG (share of OK) · escape: NG images judged OK (share of NG)</div></div>
<h2>Charts</h2><div class="charts">
<figure><figcaption>ROC (AUROC ${report.total.auroc?.toFixed(3) ?? '–'})</figcaption>${unitCurve({ title: 'ROC', xLabel: 'false positive rate (overkill)', yLabel: 'true positive rate', points: roc.map((p) => [p.fpr, p.tpr] as const), diagonal: true, markerId: 'roc-marker' })}</figure>
<figure><figcaption>Precision–recall (AP ${report.total.averagePrecision?.toFixed(3) ?? '–'})</figcaption>${unitCurve({ title: 'Precision-recall', xLabel: 'recall', yLabel: 'precision', points: report.curves.pr.map((p) => [p.recall, p.precision] as const) })}</figure>
<figure><figcaption>Score histogram</figcaption>${scoreBars(report.scoreHistogram)}</figure>
<figure><figcaption>L2 confusion (accuracy ${pct(report.confusion.accuracy)})</figcaption>${confusionGrid(report.confusion.labels, report.confusion.matrix)}</figure>
</div>
<h2>Slices</h2>${summaryTable(report)}
<h2>Texts</h2>${textTables(report)}
${problems(report)}
<script type="application/json" id="roc-data">${rocData}</script>
<script>${script(report.threshold)}</script>
</body></html>
`;
}
