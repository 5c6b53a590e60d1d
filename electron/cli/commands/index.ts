import type { Command } from '../command';
import { demoCommand } from './demo';
import { evalCommand } from './eval';
import { exportCommand } from './export';
import { finetuneCommand } from './finetune';
import { importCommand } from './import';
import { inferCommand } from './infer';
import { infoCommand } from './info';
import { serveCommand } from './serve';

export const commands: Command[] = [
  serveCommand,
  importCommand,
  exportCommand,
  inferCommand,
  evalCommand,
  finetuneCommand,
  infoCommand,
  demoCommand,
];
