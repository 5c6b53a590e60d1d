/** What the stream needs from a tokenizer. */
export type TokenDecoder = { decode(ids: number[], options?: { skip_special_tokens?: boolean }): string };

/**
 * Turns a token stream into text deltas. Byte-level BPE splits one character across tokens, and
 * some tokens only become a space once the next one is known, so each delta is the text of a
 * small window decoded with and without the newest tokens (the scheme of Hugging Face's
 * text-generation-inference); a window ending in an incomplete character (U+FFFD) waits.
 */
export class TextStream {
  private readonly ids: number[] = [];
  private prefixOffset = 0;
  private readOffset = 0;

  constructor(private readonly decoder: TokenDecoder) {}

  private decode(from: number, to: number): string {
    // @huggingface/tokenizers refuses an empty list rather than returning ''
    return to > from ? this.decoder.decode(this.ids.slice(from, to), { skip_special_tokens: true }) : '';
  }

  /** Adds a token; returns the text it completes ('' while a character is still partial). */
  push(id: number): string {
    this.ids.push(id);
    const before = this.decode(this.prefixOffset, this.readOffset);
    const after = this.decode(this.prefixOffset, this.ids.length);
    if (after.length > before.length && !after.endsWith('\uFFFD')) {
      this.prefixOffset = this.readOffset;
      this.readOffset = this.ids.length;
      return after.slice(before.length);
    }
    return '';
  }

  /** The whole text so far, decoded in one piece. */
  text(): string {
    return this.decode(0, this.ids.length);
  }

  /** Whatever is still held back when the stream ends. */
  flush(): string {
    const held = this.decode(this.prefixOffset, this.ids.length);
    const shown = this.decode(this.prefixOffset, this.readOffset);
    this.prefixOffset = this.readOffset = this.ids.length;
    return held.startsWith(shown) ? held.slice(shown.length) : '';
  }
}
