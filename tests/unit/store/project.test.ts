import { migrations } from '../../../electron/core/store';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { isProjectDir, ProjectStore } from '../../../electron/core/store';
import { tempProjects } from './helpers';

const temp = tempProjects();

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('creating and opening a project', () => {
  it('creates a project folder with its database and cache, and reopens it with the same summary', () => {
    const dir = path.join(temp.tempDir(), 'nested', 'line-3');
    const store = ProjectStore.create(dir, 'Line 3 ball screws', { appVersion: '0.1.0' });
    expect(fs.statSync(path.join(dir, 'project.sqlite')).isFile()).toBe(true);
    expect(fs.statSync(path.join(dir, 'cache')).isDirectory()).toBe(true);
    const created = store.summary();
    expect(created).toMatchObject({
      dir,
      name: 'Line 3 ball screws',
      schemaVersion: migrations.length,
      sampleCount: 0,
      imageRoots: [],
    });
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    store.close();

    const reopened = temp.track(ProjectStore.open(dir));
    expect(reopened.summary()).toEqual(created);
  });

  it('keeps acknowledged edits durable: WAL with full sync and enforced foreign keys', () => {
    const { store } = temp.newProject();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('tells a project folder from any other folder', () => {
    const { store, images } = temp.newProject();
    expect(isProjectDir(store.dir)).toBe(true);
    expect(ProjectStore.isProjectDir(store.dir)).toBe(true);
    expect(isProjectDir(images)).toBe(false);
    expect(isProjectDir(path.join(images, 'missing'))).toBe(false);
  });

  it('refuses to create a project over an existing one', () => {
    const { store } = temp.newProject();
    const error = appError(() => ProjectStore.create(store.dir, 'again'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(store.dir);
  });

  it('says which folder has no project when asked to open it', () => {
    const dir = temp.tempDir();
    const error = appError(() => ProjectStore.open(dir));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(dir);
  });

  it('refuses a file named project.sqlite that is not a MAU Studio project', () => {
    const notSqlite = temp.tempDir();
    fs.writeFileSync(
      path.join(notSqlite, 'project.sqlite'),
      'just some text, not a database at all'.repeat(50),
    );
    expect(appError(() => ProjectStore.open(notSqlite)).code).toBe('UNSUPPORTED');

    const otherApp = temp.tempDir();
    const foreign = new Database(path.join(otherApp, 'project.sqlite'));
    foreign.exec('CREATE TABLE notes (text TEXT)');
    foreign.close();
    const error = appError(() => ProjectStore.open(otherApp));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/not a MAU Studio project/);
  });

  it('names the folder when it cannot write there', () => {
    const isRoot = process.getuid?.() === 0;
    if (isRoot && process.platform !== 'linux') return; // root may write anywhere else
    let dir: string;
    if (isRoot) {
      dir = '/sys/mau-studio-test-project'; // sysfs refuses new folders even to root
    } else {
      const locked = temp.tempDir();
      fs.chmodSync(locked, 0o555);
      dir = path.join(locked, 'project');
    }
    const error = appError(() => ProjectStore.create(dir, 'nowhere'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain(dir);
  });

  it('answers NO_PROJECT instead of crashing when used after closing', () => {
    const { store } = temp.newProject();
    store.close();
    store.close();
    expect(store.isOpen).toBe(false);
    expect(appError(() => store.summary()).code).toBe('NO_PROJECT');
  });

  it('leaves a single database file behind when closed, ready to copy', () => {
    const { store } = temp.newProject();
    store.ensureDefectType('scratch');
    store.close();
    expect(fs.existsSync(path.join(store.dir, 'project.sqlite-wal'))).toBe(false);
  });
});
