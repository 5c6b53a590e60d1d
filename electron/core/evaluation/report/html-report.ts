// The page builder is pure (no node, no DOM) and lives beside the contract so the renderer's
// "Save report" writes the very page `mau-studio eval --html` writes.
export { renderHtmlReport } from '../../../contract/evaluation-report/html-report';
