// Distinct, colour-blind-aware hues for types the taxonomy has not coloured (yet).
const FALLBACK = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#8dd3c7'];

export function fallbackColor(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return FALLBACK[Math.abs(hash) % FALLBACK.length] ?? '#e69f00';
}

export function defectColor(colors: Record<string, string>, name: string | null): string {
  if (name === null) return '#9aa0a6';
  return colors[name] ?? fallbackColor(name);
}

/** '#rrggbb' → [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const reviewStateLabel: Record<string, string> = {
  unreviewed: 'Unreviewed',
  ok: 'Reviewed OK',
  ng: 'Reviewed NG',
  corrected: 'Corrected',
  audit: 'Audit',
  error: 'Error',
};
