/** Rows are the truth, columns the prediction, both over the same sorted label list. */
export type ConfusionMatrix = { labels: string[]; matrix: number[][] };

export function confusionMatrix(pairs: readonly { truth: string; predicted: string }[]): ConfusionMatrix {
  const labels = [...new Set(pairs.flatMap((p) => [p.truth, p.predicted]))].sort((a, b) =>
    a.localeCompare(b),
  );
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const p of pairs) matrix[index.get(p.truth)!]![index.get(p.predicted)!]! += 1;
  return { labels, matrix };
}

/** Share of the pairs on the diagonal; null when there are none. */
export function confusionAccuracy(c: ConfusionMatrix): number | null {
  const total = c.matrix.flat().reduce((s, v) => s + v, 0);
  if (total === 0) return null;
  return c.matrix.reduce((s, row, i) => s + row[i]!, 0) / total;
}
