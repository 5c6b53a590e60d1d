import { processImportItem, type ImportJob } from './import-item';
import { serveJobs } from './worker-serve';

// The worker thread entry of processImportItems; Electron builds bundle it to its own .js file.
serveJobs((job: ImportJob) => processImportItem(job.item, job.thumbDir));
