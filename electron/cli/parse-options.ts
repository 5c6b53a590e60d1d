import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SampleFilter } from '../contract';
import { UsageError, type CliIo } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The positional arguments of a command that takes one project folder and nothing else. */
export const PROJECT_FOLDER = { min: 1, max: 1, names: 'the project folder' } as const;

/** Prints the usage to stdout for --help; the exit code of doing so. */
export function printUsage(io: CliIo, usage: string): number {
  io.out(`${usage}\n`);
  return 0;
}

/**
 * util.parseArgs in strict mode, with its errors turned into usage errors that name the option
 * and the expected number of positional arguments checked.
 */
export function parseOptions<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
  positionals: { min: number; max: number; names: string },
) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: positionals.max > 0 });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
  const help = (parsed.values as Record<string, unknown>).help === true;
  if (!help) {
    const count = parsed.positionals.length;
    if (count < positionals.min) throw new UsageError(`missing ${positionals.names}`, usage);
    if (count > positionals.max) {
      throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`, usage);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals, help };
}

export function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  option: string,
  usage: string,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`, usage);
}

/** The JSON text of --filter-json, parsed; undefined when the option was not given. */
export function filterJsonValue(json: string | undefined, usage: string): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new UsageError(`--filter-json is not JSON: ${(error as Error).message}`, usage);
  }
}

/** --filter-json as a samples filter, its first problem named by path; undefined when not given. */
export function parseFilterOption(json: string | undefined, usage: string): SampleFilter | undefined {
  if (json === undefined) return undefined;
  const parsed = SampleFilter.safeParse(filterJsonValue(json, usage));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--filter-json: ${issue.path.join('.') || '(filter)'}: ${issue.message}`, usage);
  }
  return parsed.data;
}

/** The value of an option the command cannot run without; `option` as the usage spells it. */
export function requiredOption(value: string | undefined, option: string, usage: string): string {
  if (!value) throw new UsageError(`missing ${option}`, usage);
  return value;
}
