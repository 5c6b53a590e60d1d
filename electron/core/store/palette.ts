/**
 * Defect colours: a qualitative palette (Tableau 10 without its grey, then Kelly's
 * maximum-contrast colours) ordered so the first types, the ones most projects have, are the
 * most distinct from each other and from grey industrial images. Lowercase, as the schema checks.
 */
export const DEFECT_PALETTE: readonly string[] = [
  '#e15759',
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#edc948',
  '#76b7b2',
  '#ff9da7',
  '#9c755f',
  '#8db600',
  '#0067a5',
  '#e68fac',
  '#f3c300',
  '#875692',
  '#a1caf1',
  '#c2b280',
  '#882d17',
  '#f99379',
];

export const HOTKEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The least used colour, earliest in the palette on ties: distinct until the palette runs out. */
export function pickColor(used: ReadonlyMap<string, number>): string {
  let best = DEFECT_PALETTE[0] as string;
  let bestUses = Infinity;
  for (const color of DEFECT_PALETTE) {
    const uses = used.get(color) ?? 0;
    if (uses < bestUses) {
      best = color;
      bestUses = uses;
    }
  }
  return best;
}

export function pickHotkey(used: ReadonlySet<string>): string | null {
  return HOTKEYS.find((key) => !used.has(key)) ?? null;
}
