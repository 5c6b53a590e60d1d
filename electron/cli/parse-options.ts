import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

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
