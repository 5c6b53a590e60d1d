import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temp folder a run makes (projects, packs, exports, Chromium profiles,
 * the recipe's Python) goes under one folder, removed when the run ends; a run used to leave
 * hundreds of mau-* folders behind in /tmp. The test workers and every process they start
 * inherit TMPDIR, which os.tmpdir() and Python's tempfile read. MAU_KEEP_TEST_TEMP=1 keeps it.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mau-tests-'));
  process.env['TMPDIR'] = root;
  return () => {
    if (process.env['MAU_KEEP_TEST_TEMP'] !== '1') rmSync(root, { recursive: true, force: true });
  };
}
