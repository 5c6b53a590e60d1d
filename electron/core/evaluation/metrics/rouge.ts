/**
 * ROUGE (Lin, 2004) as the F-measure with β = 1, the form the `rouge-score` package reports:
 * ROUGE-1 on clipped unigram overlap, ROUGE-L on the longest common subsequence of tokens.
 * Tokens are lower-cased runs of letters and digits (any script).
 */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Long texts are cut so the quadratic LCS stays cheap; L4/L5 answers are a few sentences. */
const MAX_TOKENS = 2000;

function fMeasure(overlap: number, candidate: number, reference: number): number {
  if (overlap === 0 || candidate === 0 || reference === 0) return 0;
  const precision = overlap / candidate;
  const recall = overlap / reference;
  return (2 * precision * recall) / (precision + recall);
}

export function rouge1(candidate: string, reference: string): number {
  const c = tokens(candidate).slice(0, MAX_TOKENS);
  const r = tokens(reference).slice(0, MAX_TOKENS);
  const counts = new Map<string, number>();
  for (const t of r) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of c) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(t, left - 1);
    }
  }
  return fMeasure(overlap, c.length, r.length);
}

export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export function rougeL(candidate: string, reference: string): number {
  const c = tokens(candidate).slice(0, MAX_TOKENS);
  const r = tokens(reference).slice(0, MAX_TOKENS);
  return fMeasure(lcsLength(c, r), c.length, r.length);
}
