/**
 * A small, strict XML reader for annotation files (Pascal VOC): elements, attributes (read and
 * ignored), text, CDATA, comments, processing instructions and the five predefined entities plus
 * character references. A DOCTYPE with an internal subset is refused, so no entity tricks.
 * Errors say the line: `line 12: expected </bndbox>, found </object>`.
 */
export type XmlElement = { name: string; line: number; children: XmlElement[]; text: string };

const NAME = /[A-Za-z_:][-\w.:]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  const lineAt = (at: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const fail = (reason: string, at = pos): never => {
    throw new Error(`line ${lineAt(at)}: ${reason}`);
  };
  const skipPast = (end: string, what: string) => {
    const found = text.indexOf(end, pos);
    if (found < 0) fail(`${what} is not closed`);
    const content = text.slice(pos, found);
    pos = found + end.length;
    return content;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(text);
    if (!match) return fail(`expected a name, found "${text.slice(pos, pos + 10)}"`);
    pos += match[0].length;
    return match[0];
  };
  const decode = (raw: string, at: number) =>
    raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (whole, ref: string | undefined) => {
      if (!ref) return fail('a bare "&" (write &amp;)', at);
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : fail(`bad character reference ${whole}`, at);
      }
      return ENTITIES[ref] ?? fail(`unknown entity ${whole}`, at);
    });

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    const parent = stack[stack.length - 1];
    if (parent) parent.text += chunk.includes('&') ? decode(chunk, pos) : chunk;
    else if (chunk.trim() !== '') fail('text outside the root element');
    if (lt < 0) break;
    pos = lt;
    if (text.startsWith('<!--', pos)) {
      pos += 4;
      skipPast('-->', 'a comment');
    } else if (text.startsWith('<![CDATA[', pos)) {
      if (!parent) fail('CDATA outside the root element');
      pos += 9;
      (parent as XmlElement).text += skipPast(']]>', 'a CDATA section');
    } else if (text.startsWith('<?', pos)) {
      pos += 2;
      skipPast('?>', 'a processing instruction');
    } else if (text.startsWith('<!DOCTYPE', pos)) {
      const body = skipPast('>', 'the DOCTYPE');
      if (body.includes('[')) fail('a DOCTYPE with an internal subset is not supported', lt);
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      const open = stack.pop();
      if (!open) fail(`closing </${name}> without an open element`, lt);
      else if (open.name !== name) fail(`expected </${open.name}>, found </${name}>`, lt);
      if (!/^\s*>/.test(text.slice(pos, pos + 64))) fail(`expected ">" after </${name}`);
      skipPast('>', 'a closing tag');
    } else {
      pos += 1;
      const element: XmlElement = { name: readName(), line: lineAt(lt), children: [], text: '' };
      const selfClosing = skipTagRest(text, pos, fail);
      pos = selfClosing.end;
      if (parent) parent.children.push(element);
      else if (root) fail(`a second root element <${element.name}>`, lt);
      else root = element;
      if (!selfClosing.closed) stack.push(element);
    }
  }
  const unclosed = stack.pop();
  if (unclosed) fail(`<${unclosed.name}> (line ${unclosed.line}) is not closed`, text.length);
  if (!root) return fail('no root element', 0);
  return root;
}

/** Skips attributes up to the tag's end, honouring quotes; reports whether it was `/>`. */
function skipTagRest(text: string, from: number, fail: (reason: string, at?: number) => never) {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') fail('"<" inside a tag', i);
    else if (c === '>') return { end: i + 1, closed: text[i - 1] === '/' };
  }
  return fail('a tag is not closed', from);
}

/** The first child named `name`, or undefined. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Trimmed text of the child at `path` ("size/width"), or undefined when any step is missing. */
export function textAt(element: XmlElement, path: string): string | undefined {
  let at: XmlElement | undefined = element;
  for (const step of path.split('/')) at = at && child(at, step);
  return at?.text.trim();
}
