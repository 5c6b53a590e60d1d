export { evaluateProject, type EvaluationOptions, type EvaluationProgress } from './evaluate-project';
export { imageThresholdOf, resolveEvaluatedPack, type EvaluatedPack } from './read/resolve-model';
export { categoryImageThresholdsOf } from './read/default-threshold';
export { renderHtmlReport } from '../../contract/evaluation-report/html-report';
export { formatSummary } from '../../contract/evaluation-report/summary-text';
