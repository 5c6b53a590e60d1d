import { displayName } from './knowledge';
import type { QaRegion, QaSample } from './types';

const NOUNS: Record<string, string> = {
  pcb: 'PCB',
  steel_surface: 'steel surface',
  ball_screw: 'ball screw',
};

/** What the questions call the imaged thing: "ball screw", "PCB", or "part" when unknown. */
export function objectNoun(sample: Pick<QaSample, 'category'>): string {
  if (!sample.category) return 'part';
  return NOUNS[sample.category] ?? sample.category.replace(/_/g, ' ');
}

/** "a", "a and b", "a, b and c" */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The distinct defect types of a sample: from its regions, else from the image. */
export function typesOf(sample: QaSample): string[] {
  const fromRegions = sample.regions.map((r) => r.type).filter((t): t is string => t !== null);
  return [...new Set(fromRegions.length > 0 ? fromRegions : sample.imageTypes)].sort();
}

/** The region a single-answer question is about: the largest one (ties: the first). */
export function mainRegion(sample: QaSample): QaRegion | null {
  let best: QaRegion | null = null;
  for (const region of sample.regions) if (!best || region.areaPct > best.areaPct) best = region;
  return best;
}

export function typeNames(types: readonly string[]): string {
  return joinWords(types.map(displayName));
}

/** 0.0123 → "0.01 %": percentages as an inspector reads them, never "0 %" for a real defect. */
export function percent(value: number): string {
  if (value >= 10) return `${Math.round(value)} %`;
  if (value >= 0.1) return `${value.toFixed(1)} %`;
  return value > 0 && value < 0.01 ? 'under 0.01 %' : `${value.toFixed(2)} %`;
}

/** "under 0.01 %" reads badly after "about": the phrase for a share with its article. */
export function shareOfImage(value: number): string {
  const text = percent(value);
  return text.startsWith('under') ? `${text} of the image` : `about ${text} of the image`;
}
