// Shared with the renderer's evaluation screen: see electron/contract/evaluation-report.
export {
  confusionGrid,
  escapeHtml,
  scoreBars,
  unitCurve,
  UNIT_PLOT,
} from '../../../contract/evaluation-report/svg-charts';
