import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelPackInfo, SessionRecord } from '../../contract/api-inference';
import { AppError } from '../../contract/result';
import { loadModelPack, MANIFEST_FILE, PackManifest, type ModelPack } from '../inference';
import { messageOf } from '../inference/errors';
import type { ProjectStore } from '../store';
import type { PackRecord } from '../store/model-packs';
import { packInfo, parsePackId, registeredPackId, shippedPackId } from './pack-info';

/**
 * A shipped folder: its loaded pack, or why it does not load (with its manifest where that alone
 * still parses, so the pack can be listed with its problem instead of vanishing).
 */
export type ShippedPack = {
  folder: string;
  dir: string;
  pack?: ModelPack;
  problem?: string;
  manifest?: PackManifest;
};

/** Packs that ship with the app: every folder directly under modelsDir that holds a model.json. */
export async function shippedPacks(modelsDir: string | undefined): Promise<ShippedPack[]> {
  if (!modelsDir || !existsSync(modelsDir)) return [];
  const folders = readdirSync(modelsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(modelsDir, e.name, MANIFEST_FILE)))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    folders.map(async (folder) => {
      const dir = join(modelsDir, folder);
      // listing must stay quick: hashes are checked when a pack is added or run, not here
      return loadModelPack(dir, { verifyHashes: false }).then(
        (pack) => ({ folder, dir, pack }),
        (error: unknown) => ({ folder, dir, problem: messageOf(error), manifest: manifestOnDisk(dir) }),
      );
    }),
  );
}

function manifestOnDisk(dir: string): PackManifest | undefined {
  const parsed = PackManifest.safeParse(manifestJsonOnDisk(dir));
  return parsed.success ? parsed.data : undefined;
}

/** A pack folder's model.json as it is now, if it is JSON at all. */
function manifestJsonOnDisk(dir: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
  } catch {
    return null;
  }
}

function registeredProblem(record: PackRecord): string | null {
  if (!existsSync(record.dir))
    return `model pack ${record.dir}: folder not found (moved or deleted); add it again`;
  if (!existsSync(join(record.dir, MANIFEST_FILE)))
    return `model pack ${record.dir}: ${MANIFEST_FILE} is missing`;
  // an updated app ships a new version in the same folder: this record's files are gone
  const now = manifestJsonOnDisk(record.dir);
  if (now && (now.name !== record.name || now.version !== record.version))
    return `model pack ${record.dir}: the folder now holds ${String(now.name)} ${String(now.version)}, not ${record.name} ${record.version}; its predictions stay, run the new version to predict again`;
  return null;
}

export async function listModels(
  store: ProjectStore,
  modelsDir: string | undefined,
): Promise<ModelPackInfo[]> {
  const shipped = await shippedPacks(modelsDir);
  const shippedKey = (m: { name: string; version: string }) => `${m.name}\u0000${m.version}`;
  const registeredKeys = new Set<string>();
  const list: ModelPackInfo[] = store.registeredPacks().map((record) => {
    registeredKeys.add(shippedKey(record));
    const isShipped = shipped.some((s) => s.pack?.dir === record.dir);
    return packInfo(PackManifest.parse(record.manifest), {
      packId: registeredPackId(record.id),
      dir: record.dir,
      shipped: isShipped,
      registered: true,
      addedAt: record.addedAt,
      session: (store.packSession(record.id) as SessionRecord | undefined) ?? null,
      predictionCount: store.packPredictionCount(record.id),
      problem: registeredProblem(record),
    });
  });
  for (const s of shipped) {
    // a broken update must show, not vanish: listed with why it cannot run
    const manifest = s.pack?.manifest ?? s.manifest;
    if (!manifest || registeredKeys.has(shippedKey(manifest))) continue;
    list.push(
      packInfo(manifest, {
        packId: shippedPackId(s.folder),
        dir: s.dir,
        shipped: true,
        registered: false,
        addedAt: null,
        session: null,
        predictionCount: 0,
        problem: s.pack ? null : (s.problem ?? null),
      }),
    );
  }
  return list;
}

/** The registered row a pack id names, or the folder of a shipped pack not registered yet. */
export async function resolvePackId(
  store: ProjectStore,
  modelsDir: string | undefined,
  packId: string,
): Promise<{ record: PackRecord } | { shippedDir: string }> {
  const parsed = parsePackId(packId);
  if (parsed && 'rowId' in parsed) {
    const record = store.packRecord(parsed.rowId);
    if (!record || record.dir === '') throw new AppError('NOT_FOUND', `no registered model pack ${packId}`);
    return { record };
  }
  const found = parsed ? (await shippedPacks(modelsDir)).find((s) => s.folder === parsed.shipped) : undefined;
  if (!found) throw new AppError('NOT_FOUND', `no model pack ${packId} among the packs shipped with the app`);
  if (found.problem) throw new AppError('INVALID_INPUT', found.problem);
  return { shippedDir: found.dir };
}
