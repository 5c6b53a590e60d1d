export {
  checkExportable,
  exportProject,
  FORMAT_NAMES,
  REPORT_FILE,
  type ExportContext,
} from './export-project';
