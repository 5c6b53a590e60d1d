import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { renderHtmlReport } from '../../../electron/contract/evaluation-report/html-report';

/** A file name that is safe on every platform: the pack, its version and the day. */
export function reportFileName(report: EvaluationReport): string {
  const day = report.createdAt.slice(0, 10);
  const base = `evaluation-${report.pack.name}-${report.pack.version}-${day}`;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}.html`;
}

/** Downloads the same self-contained page `mau-studio eval --html` writes, as a Blob. */
export function saveReport(report: EvaluationReport): void {
  const blob = new Blob([renderHtmlReport(report)], { type: 'text/html;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(report);
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after the click returns; release it once that surely began.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
