export { evaluateProject, type EvaluationOptions, type EvaluationProgress } from './evaluate-project';
export { imageThresholdOf, resolveEvaluatedPack, type EvaluatedPack } from './read/resolve-model';
export { renderHtmlReport } from './report/html-report';
export { formatSummary } from './report/summary-text';
