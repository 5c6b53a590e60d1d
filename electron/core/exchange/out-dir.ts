import { mkdir, readdir, stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { AppError } from '../../contract';

/**
 * Makes sure the export has a folder of its own: created when missing, refused when it holds
 * anything (an export must never mix with, or overwrite, other files) or lies in the project.
 */
export async function prepareOutDir(outDir: string, projectDir: string): Promise<void> {
  const back = relative(projectDir, outDir);
  if (back === '' || (!back.startsWith('..') && !isAbsolute(back))) {
    throw new AppError(
      'INVALID_INPUT',
      `${outDir}: inside the project folder; export to a folder outside it`,
    );
  }
  const info = await stat(outDir).catch(() => null);
  if (info && !info.isDirectory()) throw new AppError('INVALID_INPUT', `${outDir}: not a folder`);
  if (info) {
    const entries = await readdir(outDir);
    if (entries.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${outDir}: folder is not empty (${entries.length} entries); export into a new or empty folder`,
      );
    }
    return;
  }
  await mkdir(outDir, { recursive: true }).catch((error: Error) => {
    throw new AppError('IO_ERROR', `${outDir}: cannot create the folder (${error.message})`);
  });
}
