/**
 * Whether a text names a defect type, as a reader would find it: the type's letters as one, two
 * or three whole words in a row, separators ignored, case aside. "mousebite" is named by "mouse
 * bite", "rolled-in_scale" by "rolled-in scale", "open" by "open circuit"; "pitting" is not named
 * by "unpittingly", nor "spur" by "spurious copper". Shared by the core (typing MAU-GPT's regions
 * by its L2 answer) and the renderer (lighting the regions an answer names).
 */
export function mentionsType(text: string, type: string): boolean {
  const wanted = squash(type);
  if (!wanted) return false;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  for (let start = 0; start < words.length; start++) {
    let joined = '';
    for (let end = start; end < Math.min(words.length, start + 3); end++) {
      joined += words[end];
      if (joined === wanted) return true;
      if (joined.length >= wanted.length) break;
    }
  }
  return false;
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
