import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/result';

export const DB_FILE = 'project.sqlite';
export const CACHE_DIR = 'cache';

export function dbFile(dir: string): string {
  return path.join(dir, DB_FILE);
}

export function isProjectDir(dir: string): boolean {
  try {
    return fs.statSync(dbFile(dir)).isFile();
  } catch {
    return false;
  }
}

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? '';
}

/** Makes (or accepts) the folder a new project goes into, with errors that name it. */
export function prepareNewProjectDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (DENIED.has(errno(error))) {
      throw new AppError('FORBIDDEN', `cannot create the project folder ${dir}: permission denied`);
    }
    if (['EEXIST', 'ENOTDIR'].includes(errno(error))) {
      throw new AppError('INVALID_INPUT', `cannot create a project in ${dir}: a file is in the way`);
    }
    throw new AppError('IO_ERROR', `cannot create the project folder ${dir}: ${(error as Error).message}`);
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw new AppError('INVALID_INPUT', `cannot create a project in ${dir}: it is a file, not a folder`);
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new AppError('FORBIDDEN', `cannot create a project in ${dir}: the folder is not writable`);
  }
  if (isProjectDir(dir)) {
    throw new AppError('CONFLICT', `${dir} already holds a MAU Studio project (${DB_FILE}); open it instead`);
  }
  ensureCacheDir(dir);
}

/** The cache is rebuildable (thumbnails, anomaly maps), so failing to make it is not fatal here. */
export function ensureCacheDir(dir: string): void {
  try {
    fs.mkdirSync(path.join(dir, CACHE_DIR), { recursive: true });
  } catch {
    // whoever writes to the cache reports the problem with the file it could not write
  }
}

/** Removes what a failed create left, so the folder can be used for a new attempt. */
export function removeDbFiles(dir: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile(dir) + suffix, { force: true });
}
