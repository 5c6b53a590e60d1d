import type { ModelPackInfo } from '../../../electron/contract/api-inference';

/** "anomalib-v2 0.1.0": how the dialog names a pack in titles and messages. */
export function packTitle(pack: Pick<ModelPackInfo, 'name' | 'version'>): string {
  return `${pack.name} ${pack.version}`;
}

export function kindText(pack: Pick<ModelPackInfo, 'kind' | 'variant'>): string {
  return pack.variant ? `${pack.kind} ${pack.variant}` : pack.kind;
}

/**
 * "input [batch, 3, 128, 128] float32 RGB, stretch to 128×128, ×1/255"; the colour order only for
 * an image input (one with a resize or normalisation): "input_ids [batch, sequence] int64".
 */
export function inputText(input: ModelPackInfo['inputs'][number]): string {
  const colour = input.resize || input.normalise ? ` ${input.colourOrder}` : '';
  const parts = [`${input.name} [${input.shape.join(', ')}] ${input.dtype}${colour}`];
  if (input.resize) parts.push(`${input.resize.mode} to ${input.resize.width}×${input.resize.height}`);
  if (input.normalise) {
    const { mean, std, scale } = input.normalise;
    const plain = mean.every((m) => m === 0) && std.every((s) => s === 1);
    parts.push(plain ? `÷${scale}` : `÷${scale}, mean ${mean.join('/')}, std ${std.join('/')}`);
  }
  return parts.join(', ');
}

/**
 * "pitting, spur, …" or, for a pack whose defect-type head names them per category of part,
 * "per category: ball_screw: pitting; pcb: open, short": the labels as the model gives them.
 */
export function labelsText(pack: Pick<ModelPackInfo, 'labels' | 'labelsByCategory'>): string {
  const byCategory = Object.entries(pack.labelsByCategory ?? {});
  if (byCategory.length)
    return `per category: ${byCategory.map(([category, labels]) => `${category}: ${labels.join(', ')}`).join('; ')}`;
  return pack.labels.length ? pack.labels.join(', ') : 'none (anomaly score only)';
}

/** What a category's image threshold is compared with, where it is not the largest tile score. */
function scoreNote(fraction: number | undefined): string {
  if (fraction === undefined) return '';
  const of = fraction === 0 ? 'highest pixel' : `top ${+(fraction * 100).toPrecision(6)} %`;
  return ` (scored by the map’s ${of})`;
}

export function thresholdText(t: ModelPackInfo['thresholds']): string {
  const parts: string[] = [];
  if (t.image !== null) parts.push(`image ${t.image}`);
  if (t.pixel !== null) parts.push(`pixel ${t.pixel}`);
  if (t.normalisation) parts.push(`normalised from ${t.normalisation.min}…${t.normalisation.max}`);
  const own = Object.entries(t.byCategory ?? {}).map(
    ([category, c]) =>
      `${category}: ${[c.image !== undefined && `image ${c.image}${scoreNote(c.imageTopFraction)}`, c.pixel !== undefined && `pixel ${c.pixel}`, c.regionPeak !== undefined && `regions peaking ≥ ${c.regionPeak}`].filter(Boolean).join(' · ')}`,
  );
  const overall = parts.length ? parts.join(' · ') : 'none stated in the pack';
  return own.length ? `${overall}; per category, ${own.join('; ')}` : overall;
}

/** The card's entries as label/value rows; lists joined, nested objects shown as JSON. */
export function cardRows(card: Record<string, unknown>): [string, string][] {
  return Object.entries(card).map(([key, value]) => {
    const label = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    if (Array.isArray(value)) return [label, value.map(String).join(', ')];
    if (value !== null && typeof value === 'object') return [label, JSON.stringify(value)];
    return [label, String(value)];
  });
}
