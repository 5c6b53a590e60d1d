/** A manifest's `thresholds.image`, or null (none, or a pack known only from imported predictions). */
export function imageThresholdOf(manifest: unknown): number | null {
  const value = (manifest as { thresholds?: { image?: unknown } } | null)?.thresholds?.image;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A manifest's image threshold per category of part (`options.categoryThresholds[c].image`, as
 * the runtime judges that category by); {} where it has none or the manifest is unknown.
 */
export function categoryImageThresholdsOf(manifest: unknown): Record<string, number> {
  const categories = (manifest as { options?: { categoryThresholds?: unknown } } | null)?.options
    ?.categoryThresholds;
  if (!categories || typeof categories !== 'object') return {};
  const out: Record<string, number> = {};
  for (const [category, entry] of Object.entries(categories)) {
    const image = (entry as { image?: unknown } | null)?.image;
    if (typeof image === 'number' && Number.isFinite(image)) out[category] = image;
  }
  return out;
}

/** The verdict thresholds an evaluation reads from a pack's manifest. */
export type PackThresholds = {
  /** The pack's own verdict threshold (manifest `thresholds.image`), when this project knows it. */
  imageThreshold: number | null;
  /** Its image threshold per category of part (`options.categoryThresholds`), where it has any. */
  categoryImageThresholds: Record<string, number>;
};

export function packThresholdsOf(manifest: unknown): PackThresholds {
  return {
    imageThreshold: imageThresholdOf(manifest),
    categoryImageThresholds: categoryImageThresholdsOf(manifest),
  };
}

export type DefaultThreshold = {
  threshold: number;
  /** The category whose own threshold it is; null for the pack-wide one (or 0.5). */
  category: string | null;
};

/**
 * The threshold an evaluation judges by when none is asked for. Where every scored image is of
 * one category of part that the pack judges by a threshold of its own, that one: the shipped
 * MAU-GPT-mini calls a board NG at 0.9976, and its pack-wide 0.9735 over PCBs alone would call
 * 32 of 75 clean boards NG that the review screen calls OK. Otherwise the pack-wide threshold,
 * else 0.5.
 */
export function defaultThreshold(
  pack: PackThresholds,
  categories: readonly (string | null)[],
): DefaultThreshold {
  const only = new Set(categories);
  const [category] = only;
  const own = only.size === 1 && category ? pack.categoryImageThresholds[category] : undefined;
  if (own !== undefined) return { threshold: own, category: category! };
  return { threshold: pack.imageThreshold ?? 0.5, category: null };
}
