import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { ProjectStore } from '../../../electron/core/store';

export { sampleInput, sha256, writeImage } from './inputs';

/** Temp folders and stores made during a test (or the file, for 'all'), removed and closed after it. */
export function tempProjects(scope: 'each' | 'all' = 'each') {
  const dirs: string[] = [];
  const stores: ProjectStore[] = [];
  (scope === 'each' ? afterEach : afterAll)(() => {
    for (const store of stores.splice(0)) store.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mau-store-'));
    dirs.push(dir);
    return dir;
  };
  const track = (store: ProjectStore): ProjectStore => {
    stores.push(store);
    return store;
  };
  return {
    tempDir,
    track,
    /** A fresh project in its own temp folder, plus that folder for image files. */
    newProject(name = 'Test project') {
      const root = tempDir();
      const store = track(ProjectStore.create(path.join(root, 'project'), name));
      const images = path.join(root, 'images');
      fs.mkdirSync(images);
      return { root, store, images };
    },
  };
}
