/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion (Wilson, 1927): unlike p ± z·√(p(1−p)/n) it
 * stays inside 0..1 and does not collapse to a width of zero when no escapes were found.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z = Z95,
): { rate: number; low: number; high: number } | null {
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
