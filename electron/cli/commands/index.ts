import type { Command } from '../command';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { inferCommand } from './infer';
import { infoCommand } from './info';
import { serveCommand } from './serve';

export const commands: Command[] = [
  serveCommand,
  importCommand,
  exportCommand,
  inferCommand,
  infoCommand,
  demoCommand,
];
