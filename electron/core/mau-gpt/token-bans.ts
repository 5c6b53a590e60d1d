/** A logits row of the decoder's last position: `data[offset + id]` is token id's logit. */
export type LogitsRow = { data: Float32Array; offset: number };

/** Rules out each avoided sequence's last token where the answer so far ends with the rest of it. */
export function blockAvoided(
  row: LogitsRow,
  tokens: readonly number[],
  avoided: readonly (readonly number[])[],
): void {
  for (const sequence of avoided) {
    const last = sequence.length - 1;
    if (last < 0 || tokens.length < last) continue;
    let matches = true;
    for (let k = 0; k < last && matches; k++) matches = tokens[tokens.length - last + k] === sequence[k];
    if (matches) row.data[row.offset + sequence[last]!] = -Infinity;
  }
}

/**
 * Hugging Face's no_repeat_ngram_size, counted within the answer: rules out every token that would
 * make an n-gram of `size` the answer already holds, i.e. whatever followed each earlier
 * occurrence of its last size − 1 tokens. A small decoder stuck in a loop ("px box at x box at x")
 * has to say something else or stop. models/recipe/generate.py does the same.
 */
export function blockRepeatedNgrams(row: LogitsRow, tokens: readonly number[], size: number): void {
  if (size <= 0 || tokens.length < size - 1) return;
  const tail = tokens.length - (size - 1);
  for (let i = 0; i + size - 1 < tokens.length; i++) {
    let matches = true;
    for (let k = 0; k < size - 1 && matches; k++) matches = tokens[i + k] === tokens[tail + k];
    if (matches) row.data[row.offset + tokens[i + size - 1]!] = -Infinity;
  }
}
