// Shared with the renderer's slice table: see electron/contract/evaluation-report.
export {
  formatSummary,
  summaryCells,
  summaryRows,
  SUMMARY_COLUMNS,
} from '../../../contract/evaluation-report/summary-text';
