export { evaluateProject, type EvaluationOptions, type EvaluationProgress } from './evaluate-project';
export { resolveEvaluatedPack, type EvaluatedPack } from './read/resolve-model';
export { categoryImageThresholdsOf, packThresholdsOf } from './read/pack-thresholds';
export { renderHtmlReport } from '../../contract/evaluation-report/html-report';
export { formatSummary } from '../../contract/evaluation-report/summary-text';
