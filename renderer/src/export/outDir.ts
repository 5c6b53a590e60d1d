import type { ExportFormat } from '../../../electron/contract/api-exchange';
import { joinPath } from '../lib/format';

/** The folder that holds `path`, in the separator `path` uses; a root stays itself. */
export function parentFolder(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return path;
  return cut === 0 ? trimmed.slice(0, 1) : trimmed.slice(0, cut);
}

const two = (n: number) => String(n).padStart(2, '0');

/** 2026-12-02 13:05:09 as 20261202-130509: sorts by time, names a valid folder everywhere, and the next export, seconds later, gets a folder of its own. */
export function stamp(at: Date): string {
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

/**
 * A new folder beside the project for each export: the core refuses a folder inside the project
 * or one that holds anything, so the obvious place (the project's own folder) cannot be offered.
 */
export function defaultOutDir(
  projectDir: string,
  projectName: string,
  format: ExportFormat,
  at: Date,
): string {
  const name = projectName.replace(/[\\/:*?"<>|]+/g, '-') || 'project';
  return joinPath(parentFolder(projectDir), `${name}-${format}-${stamp(at)}`);
}
