export { checkExportable, exportProject, REPORT_FILE, type ExportContext } from './export-project';
