import { z } from 'zod';
import { DOMAIN_NAMES, type DomainName } from './domains';

/** What a caller (the CLI, a test, the recipe) may ask of the generator; checked at the boundary. */
export const SyntheticOptions = z
  .object({
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    count: z.number().int().min(1).max(100_000).default(60),
    domains: z
      .array(z.enum(DOMAIN_NAMES as [DomainName, ...DomainName[]]))
      .min(1)
      .default(DOMAIN_NAMES),
    /** Width and height of every image, in pixels. */
    size: z.number().int().min(64).max(1024).default(256),
  })
  .strict();
export type SyntheticOptions = z.infer<typeof SyntheticOptions>;
export type SyntheticOptionsInput = z.input<typeof SyntheticOptions>;

/** Parses options, naming the option and the problem when they are wrong. */
export function parseSyntheticOptions(input: SyntheticOptionsInput): SyntheticOptions {
  const parsed = SyntheticOptions.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`synthetic dataset options: ${issue.path.join('.') || '(options)'}: ${issue.message}`);
}
