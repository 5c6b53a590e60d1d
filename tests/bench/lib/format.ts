import type { Measure } from './types';

/** 1234.5 → "1,235"; 12.345 → "12.3"; 0.1234 → "0.12": enough digits to compare, no more. */
export function formatNumber(value: number, extraDigit = false): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const digits = (Number.isInteger(value) || abs >= 100 ? 0 : abs >= 10 ? 1 : 2) + (extraDigit ? 1 : 0);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatValue(measure: Measure): string {
  if (typeof measure.value === 'string') return measure.value;
  // a value judged against a target keeps a digit more: "1.10" could not say why ≤ 1.1 failed
  const number = formatNumber(measure.value, measure.pass !== undefined && !Number.isInteger(measure.value));
  if (!measure.unit || number === 'n/a') return number;
  return measure.unit === '%' ? `${number} %` : `${number} ${measure.unit}`;
}

export function formatVerdict(measure: Measure): string {
  if (measure.pass === true) return 'pass';
  if (measure.pass === false) return '**FAIL**';
  return '—';
}

/** A share of a total as a percentage (0–100). */
export function share(part: number, total: number): number {
  return total > 0 ? (part / total) * 100 : Number.NaN;
}

export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
