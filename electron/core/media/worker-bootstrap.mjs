// Starts a pool worker whose entry is TypeScript: tsx cannot hook the first module of a
// worker thread, so this plain module registers it and then loads the real entry.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
