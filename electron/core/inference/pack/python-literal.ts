/**
 * Parses the Python literal Ultralytics stores as the `names` metadata, e.g.
 * "{0: 'person', 1: \"rider's bag\"}", into class names by index. A tokenizer for exactly
 * dict/list of int → str literals: no eval, nothing else is accepted.
 */
export function parseClassNames(text: string): string[] {
  const parser = new LiteralParser(text);
  const entries = parser.parseCollection();
  parser.expectEnd();
  const count = entries.reduce((max, [index]) => Math.max(max, index + 1), 0);
  if (count > 100_000) throw new Error(`class index ${count - 1} is implausibly large`);
  const names = Array.from({ length: count }, (_, i) => `class_${i}`);
  for (const [index, name] of entries) names[index] = name;
  return names;
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
};

class LiteralParser {
  private at = 0;
  constructor(private readonly text: string) {}

  parseCollection(): [number, string][] {
    this.skipSpace();
    const open = this.text[this.at];
    if (open === '{') return this.parseItems('}', true);
    if (open === '[') return this.parseItems(']', false);
    throw this.error('expected { or [');
  }

  expectEnd(): void {
    this.skipSpace();
    if (this.at !== this.text.length) throw this.error('unexpected text after the literal');
  }

  private parseItems(close: string, keyed: boolean): [number, string][] {
    this.at++;
    const entries: [number, string][] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === close) break;
      let index = entries.length;
      if (keyed) {
        index = this.parseInt();
        this.skipSpace();
        if (this.text[this.at++] !== ':') throw this.error('expected :');
        this.skipSpace();
      }
      entries.push([index, this.parseString()]);
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) throw this.error(`expected , or ${close}`);
    }
    this.at++;
    return entries;
  }

  private parseInt(): number {
    const match = /^\d+/.exec(this.text.slice(this.at));
    if (!match) throw this.error('expected a non-negative integer key');
    this.at += match[0].length;
    return Number(match[0]);
  }

  private parseString(): string {
    const quote = this.text[this.at];
    if (quote !== "'" && quote !== '"') throw this.error('expected a quoted string');
    this.at++;
    let out = '';
    while (this.at < this.text.length) {
      const ch = this.text[this.at++]!;
      if (ch === quote) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      out += this.parseEscape();
    }
    throw this.error('unterminated string');
  }

  private parseEscape(): string {
    const ch = this.text[this.at++] ?? '';
    const simple = ESCAPES[ch];
    if (simple !== undefined) return simple;
    const width = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0;
    const hex = this.text.slice(this.at, this.at + width);
    if (width === 0 || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex))
      throw this.error(`bad escape \\${ch}`);
    this.at += width;
    return String.fromCodePoint(parseInt(hex, 16));
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  private error(problem: string): Error {
    return new Error(`class names literal, at character ${this.at}: ${problem}`);
  }
}
