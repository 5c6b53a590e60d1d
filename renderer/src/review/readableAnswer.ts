/**
 * A model answer as people write it. MAU-GPT's tokenizer lower-cases and spells punctuation as
 * words of its own ("no . the ball screw looks normal ; no defect is visible ."); the stored
 * text stays as generated, and only what the panel shows is tidied: no space before closing
 * punctuation or after an opening bracket, hyphens joining their words ("non - metallic"),
 * sentences capitalised (but not a region id such as "r1", which the region list writes in lower
 * case), acronyms the answers use in capitals ("the pcb" was how every PCB answer read), no
 * trailing space. Tidying a partial answer changes at most the word still being written, so a
 * streaming answer never jumps back.
 */
export function readableAnswer(text: string): string {
  return (
    text
      .trimEnd()
      .replace(/\bpcb(s?)\b/gi, (_, plural: string) => `PCB${plural.toLowerCase()}`)
      .replace(/\s+([.,;:!?)\]])/g, '$1')
      .replace(/([([])\s+/g, '$1')
      // "non - metallic", "rolled - in scale": the answers' only dashes join words, so a
      // trailing one ("non -", still streaming) is joined already and the word never jumps back
      .replace(/(\w) -(?:$| (?=\w))/g, '$1-')
      .replace(
        /(^|[.!?]\s+)(\p{Ll})(?!\d)/gu,
        (_, before: string, letter: string) => before + letter.toUpperCase(),
      )
  );
}

/**
 * A model answer names regions as MAU-Set does ("r1", "r2"), numbered in the prediction's order;
 * the review screen lists a prediction's regions as "p1", "p2" (and the reviewer's own as "r1"),
 * so the panel says the model's with their list names.
 */
export function withPredictionIds(text: string): string {
  return text.replace(/\br(\d+)\b/g, 'p$1');
}
