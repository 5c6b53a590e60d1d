import type { EvaluatedModel } from '../../../contract/api-evaluation';
import { AppError } from '../../../contract/result';
import { shippedPacks } from '../../models/model-catalog';
import { parsePackId } from '../../models/pack-info';
import { stmt, type Db } from '../../store/sql';
import { packThresholdsOf, type PackThresholds } from './pack-thresholds';

type PackColumns = { id: number; name: string; version: string; kind: string };

export type EvaluatedPack = PackColumns & PackThresholds;

type PackRow = PackColumns & { manifest: string | null };

const PACK_COLUMNS = 'id, name, version, kind, manifest';

function toEvaluated({ manifest, ...row }: PackRow): EvaluatedPack {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(manifest ?? 'null');
  } catch {
    // An unreadable manifest only loses the default threshold; the predictions still score.
  }
  return { ...row, ...packThresholdsOf(parsed) };
}

function packsNamed(db: Db, name: string, version?: string): EvaluatedPack[] {
  const rows = stmt(
    db,
    `SELECT ${PACK_COLUMNS} FROM model_packs WHERE name = ? AND (? IS NULL OR version = ?) ORDER BY version`,
  ).all(name, version ?? null, version ?? null) as PackRow[];
  return rows.map(toEvaluated);
}

/**
 * The pack row whose predictions are scored. Registered ids, shipped ids (by the name and
 * version in their manifest) and plain names all work, so packs known only through an imported
 * predictions file can be evaluated too.
 */
export async function resolveEvaluatedPack(
  db: Db,
  model: EvaluatedModel,
  modelsDir: string | undefined,
): Promise<EvaluatedPack> {
  if (typeof model === 'object') return onlyOne(db, model.name, model.version);
  const parsed = parsePackId(model);
  if (parsed && 'rowId' in parsed) {
    const row = stmt(db, `SELECT ${PACK_COLUMNS} FROM model_packs WHERE id = ?`).get(parsed.rowId) as
      PackRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no model pack ${model} in this project`);
    return toEvaluated(row);
  }
  const shipped = parsed
    ? (await shippedPacks(modelsDir)).find((s) => s.folder === parsed.shipped)
    : undefined;
  if (!shipped?.pack)
    throw new AppError('NOT_FOUND', `no model pack ${model} among the packs shipped with the app`);
  return onlyOne(db, shipped.pack.manifest.name, shipped.pack.manifest.version);
}

function onlyOne(db: Db, name: string, version: string | undefined): EvaluatedPack {
  const rows = packsNamed(db, name, version);
  const label = version ? `${name}@${version}` : name;
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) {
    const versions = rows.map((r) => `${r.name}@${r.version}`).join(', ');
    throw new AppError(
      'CONFLICT',
      `model pack ${label}: several versions are known here (${versions}); name one`,
    );
  }
  const known = stmt(db, 'SELECT name, version FROM model_packs ORDER BY name, version').all() as {
    name: string;
    version: string;
  }[];
  const list = known.map((k) => `${k.name}@${k.version}`).join(', ') || 'none';
  throw new AppError(
    'NOT_FOUND',
    `no model pack ${label} in this project (packs here: ${list}); run it first`,
  );
}
