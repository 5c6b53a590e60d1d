import { CliError, UsageError, type CliIo } from './cli-io';
import type { Command } from './command';
import { commands } from './commands';

function mainUsage(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return `Usage: mau-studio <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Run "mau-studio <command> --help" for a command's options.`;
}

function find(name: string | undefined): Command | undefined {
  return commands.find((c) => c.name === name);
}

/** Runs one command line; resolves to the exit code and never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    if (name === undefined) {
      io.err(`${mainUsage()}\n`);
      return 1;
    }
    io.out(`${mainUsage()}\n`);
    return 0;
  }
  if (name === 'help') {
    const target = find(rest[0]);
    io.out(`${target ? target.usage : mainUsage()}\n`);
    return 0;
  }
  const command = find(name);
  if (!command) {
    io.err(`mau-studio: unknown command "${name}"\n\n${mainUsage()}\n`);
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mau-studio ${command.name}: ${error.message}\n\n${error.usage}\n`);
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.err(`mau-studio ${command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(
      `mau-studio ${command.name}: unexpected error\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return 1;
  }
}
