import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './cli-io';

/**
 * Where shipped packs are looked for: $MAU_STUDIO_MODELS_DIR, else the app's models/ folder.
 * Undefined only in a CommonJS bundle, which has no import.meta.url to find the app by.
 */
export function shippedModelsDir(io: CliIo): string | undefined {
  if (io.env.MAU_STUDIO_MODELS_DIR) return io.env.MAU_STUDIO_MODELS_DIR;
  const here = import.meta.url as string | undefined;
  return here ? fileURLToPath(new URL('../../models', here)) : undefined;
}

/** The default of --models-dir: shippedModelsDir, when it names an existing folder. */
export function defaultModelsDir(io: CliIo): string | undefined {
  if (io.env.MAU_STUDIO_MODELS_DIR) return io.env.MAU_STUDIO_MODELS_DIR;
  const dir = shippedModelsDir(io);
  return dir && existsSync(dir) ? dir : undefined;
}

/** --models-dir as given (resolved), else its default. */
export function modelsDirOption(value: string | undefined, io: CliIo): string | undefined {
  return value ? resolve(value) : defaultModelsDir(io);
}
