/** Where a command writes: stdout carries results (parsed by scripts), stderr everything else. */
export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  readonly stderrIsTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
};

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** A problem the user caused or can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Wrong arguments: the message plus the command's usage. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message, 1);
    this.name = 'UsageError';
  }
}
