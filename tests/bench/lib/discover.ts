import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from './types';

function isBench(value: unknown): value is Bench {
  const b = value as Partial<Bench> | null;
  return typeof b === 'object' && b !== null && typeof b.name === 'string' && typeof b.run === 'function';
}

/** Every bench module in `dir` (each top-level .ts file but index.ts), in their declared order. */
export async function discoverBenches(dir: string): Promise<Bench[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.d.ts'));
  const benches: Bench[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (!isBench(module.default)) throw new Error(`${file}: the default export is not a Bench`);
    benches.push(module.default);
  }
  return benches.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
