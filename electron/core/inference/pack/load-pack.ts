import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { z } from 'zod';
import { kindPhrase, messageOf, packError } from '../errors';
import { sha256File } from './hash';
import { imageInputOf, type ModelPack, type PackFileEntry, type PackOfKind } from './model-pack';
import { optionSchemas } from './options';
import { PackManifest, type PackKind } from './schema';

export type LoadPackOptions<K extends PackKind> = {
  /** The kind the caller can run; a pack of another kind is refused with a clear error. */
  kind?: K;
  /** Hash every file (default). Turn off only for a pack verified moments ago. */
  verifyHashes?: boolean;
};

export const MANIFEST_FILE = 'model.json';

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}

async function readManifest(dir: string): Promise<unknown> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw packError(dir, 'folder not found', 'NOT_FOUND');
  const text = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw packError(dir, `${MANIFEST_FILE} is missing`, 'NOT_FOUND');
    throw packError(dir, `${MANIFEST_FILE} cannot be read: ${error.message}`, 'IO_ERROR');
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw packError(dir, `${MANIFEST_FILE} is not valid JSON: ${messageOf(error)}`);
  }
}

function parseWith<T>(dir: string, schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error).map((i) => `${prefix}${i}`);
  throw packError(dir, `${MANIFEST_FILE}: invalid field ${issues[0]}`, 'INVALID_INPUT', issues);
}

async function resolveFile(dir: string, realDir: string, path: string): Promise<string> {
  const absolute = resolve(dir, path);
  const real = await realpath(absolute).catch(() => {
    throw packError(dir, `file ${path} listed in ${MANIFEST_FILE} is missing`, 'NOT_FOUND');
  });
  // a symlink must not smuggle a file from outside the pack past the trust boundary
  if (!real.startsWith(realDir + sep)) throw packError(dir, `file ${path} resolves outside the pack folder`);
  return absolute;
}

async function checkFiles(dir: string, manifest: PackManifest, verify: boolean): Promise<PackFileEntry[]> {
  const realDir = await realpath(dir);
  const seen = new Set<string>();
  const entries: PackFileEntry[] = [];
  for (const file of manifest.files) {
    if (seen.has(file.path)) throw packError(dir, `${MANIFEST_FILE}: file ${file.path} is listed twice`);
    seen.add(file.path);
    const absolutePath = await resolveFile(dir, realDir, file.path);
    if (verify) {
      const actual = await sha256File(absolutePath);
      if (actual !== file.sha256) {
        throw packError(
          dir,
          `file ${file.path}: sha256 mismatch (model.json says ${file.sha256.slice(0, 12)}…, the file is ${actual.slice(0, 12)}…); the pack is corrupt or was modified`,
        );
      }
    }
    entries.push({ ...file, absolutePath });
  }
  return entries;
}

/**
 * Reads and verifies a model pack folder: model.json against the schema and its kind's options,
 * every listed file present inside the folder with the listed sha256.
 */
export async function loadModelPack<K extends PackKind = PackKind>(
  dir: string,
  options: LoadPackOptions<K> = {},
): Promise<PackOfKind<K>> {
  const absoluteDir = resolve(dir);
  const raw = await readManifest(absoluteDir);
  const manifest = parseWith(absoluteDir, PackManifest, raw, '');
  if (options.kind && manifest.kind !== options.kind) {
    throw packError(
      absoluteDir,
      `is ${kindPhrase(manifest.kind)}, expected ${kindPhrase(options.kind)}`,
      'UNSUPPORTED',
    );
  }
  const packOptions = parseWith(
    absoluteDir,
    optionSchemas[manifest.kind] as z.ZodType<unknown>,
    manifest.options,
    'options.',
  );
  if (manifest.kind !== 'mau-gpt') imageInputOf({ dir: absoluteDir, manifest });
  const files = await checkFiles(absoluteDir, manifest, options.verifyHashes ?? true);
  // a MAU-GPT pack has three graphs; its decoder is the one that names the pack version
  const mainRole = manifest.kind === 'mau-gpt' ? 'decoder' : 'model';
  const model = files.find((f) => f.role === mainRole);
  if (!model) throw packError(absoluteDir, `${MANIFEST_FILE}: files: no file has role "${mainRole}"`);
  const pack = {
    dir: absoluteDir,
    id: `${manifest.name}@${manifest.version}:${model.sha256.slice(0, 12)}`,
    kind: manifest.kind,
    manifest,
    options: packOptions,
    files,
    modelPath: model.absolutePath,
  };
  return pack as ModelPack as PackOfKind<K>;
}
