import type { Command } from '../command';
import { importCommand } from './import';
import { inferCommand } from './infer';
import { infoCommand } from './info';
import { serveCommand } from './serve';

export const commands: Command[] = [serveCommand, importCommand, inferCommand, infoCommand];
