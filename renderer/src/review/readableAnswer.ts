/**
 * A model answer as people write it. MAU-GPT's tokenizer lower-cases and spells punctuation as
 * words of its own ("no . the ball screw looks normal ; no defect is visible ."); the stored
 * text stays as generated, and only what the panel shows is tidied: no space before closing
 * punctuation or after an opening bracket, sentences capitalised, no trailing space. A partial
 * answer tidies to a prefix of the whole one, so a streaming answer never jumps back.
 */
export function readableAnswer(text: string): string {
  return text
    .replace(/\s+([.,;:!?)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
    .trimEnd();
}
