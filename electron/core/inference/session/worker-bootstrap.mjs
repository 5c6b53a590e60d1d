// Worker threads cannot load TypeScript by themselves. From source (tsx, vitest) the entry is a
// .ts file, so tsx's loader is registered inside this worker first; the Electron build bundles
// workers to .js and imports them directly.
import { workerData } from 'node:worker_threads';

const entry = workerData?.entry;
if (typeof entry !== 'string')
  throw new Error('worker-bootstrap: workerData.entry must name the worker module');
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
