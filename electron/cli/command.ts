import type { CliIo } from './cli-io';

export type Command = {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full help text, shown by --help and after a usage error. */
  usage: string;
  /** Resolves to the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
};
