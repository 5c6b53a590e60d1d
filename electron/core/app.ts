import type { Handlers } from '../contract';
import type { Core, CoreOptions } from './core-types';
import { EventBus } from './event-bus';
import { appHandlers } from './handlers/app-handlers';
import { evaluationHandlers } from './handlers/evaluation-handlers';
import { exchangeHandlers } from './handlers/exchange-handlers';
import { finetuneHandlers } from './handlers/finetune-handlers';
import { inferenceHandlers } from './handlers/inference-handlers';
import { jobHandlers } from './handlers/job-handlers';
import { projectHandlers } from './handlers/project-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { sampleHandlers } from './handlers/sample-handlers';
import { ForegroundGate } from './jobs/foreground-gate';
import { extendingGate } from './jobs/foreground-handlers';
import { JobManager } from './jobs/job-manager';
import { readMedia } from './media-service';
import { ProjectSession } from './project-session';
import { SettingsStore } from './settings/settings';
import { APP_VERSION } from './version';

/** Builds the whole product behind the contract; transports only wrap what this returns. */
export function createCore(options: CoreOptions): Core {
  const bus = new EventBus();
  const session = new ProjectSession();
  const settings = new SettingsStore(options.settingsDir);
  const jobs = new JobManager(bus, (job, report) => session.store?.saveJob(job, undefined, report));
  const version = options.version ?? APP_VERSION;
  const gate = new ForegroundGate();
  const inference = inferenceHandlers({ session, jobs, bus, gate, modelsDir: options.modelsDir });

  const handlers: Handlers = {
    ...appHandlers({ transport: options.transport, version, settings, gate }),
    ...projectHandlers({ session, settings, bus, jobs }),
    ...jobHandlers({ session, jobs, bus }),
    ...sampleHandlers(session),
    ...exchangeHandlers({ session, jobs }),
    ...reviewHandlers({ session, bus }),
    ...inference.handlers,
    ...evaluationHandlers({ session, jobs, modelsDir: options.modelsDir }),
    ...finetuneHandlers({ session, jobs, bus, modelsDir: options.modelsDir }),
  };

  return {
    handlers: extendingGate(handlers, gate),
    readMedia: (kind, sampleId) => {
      gate.extend();
      return readMedia(session, kind, sampleId);
    },
    subscribe: (listener) => bus.subscribe(listener),
    close: async () => {
      await jobs.cancelAll();
      session.replace(null);
      await inference.close();
    },
  };
}
