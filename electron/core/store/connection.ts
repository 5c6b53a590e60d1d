import Database from 'better-sqlite3';
import { AppError } from '../../contract/result';
import type { Db } from './sql';

/** 'MAUS': tells our project files apart from any other SQLite file named project.sqlite. */
export const APPLICATION_ID = 0x4d415553;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens the project database with the settings every connection needs. WAL lets the UI read
 * while an import writes; synchronous=FULL because "saved ✓" must survive a power cut, and
 * NORMAL in WAL mode may lose the last commits.
 */
export function openDatabase(file: string, mode: 'create' | 'open'): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: mode === 'open' });
  } catch (error) {
    throw new AppError('IO_ERROR', `${file}: cannot open the project database: ${describe(error)}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (mode === 'create') {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    } else if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      throw new AppError('UNSUPPORTED', `${file} is a SQLite database, but not a MAU Studio project`);
    }
    const journal = db.pragma('journal_mode = WAL', { simple: true });
    if (journal !== 'wal')
      throw new Error(`the file system does not support WAL (journal mode ${String(journal)})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The default 2 MB page cache thrashes once a project passes ~10,000 images: every import
    // touches random pages of the path and hash indexes, every filter reads the whole table.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const message = describe(error);
    if (/not a database|malformed/i.test(message)) {
      throw new AppError('UNSUPPORTED', `${file} is not a MAU Studio project database (${message})`);
    }
    throw new AppError('IO_ERROR', `${file}: cannot open the project database: ${message}`);
  }
}
