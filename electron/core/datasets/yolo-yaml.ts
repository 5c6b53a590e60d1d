/**
 * Just enough YAML for a YOLO `data.yaml`: the top-level `names` (flow or block list, flow or
 * block map of index → name) and `nc`. A full YAML parser is not worth a dependency for two keys.
 */
export type YamlNames = { names: unknown; nc: unknown };

export function readYamlNames(text: string): YamlNames {
  const lines = text.split(/\r?\n/).map(stripComment);
  let names: unknown;
  let nc: unknown;
  for (let i = 0; i < lines.length; i++) {
    const top = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(lines[i] as string);
    if (!top) continue;
    const [, key, rest = ''] = top;
    if (key === 'nc') nc = rest.trim() === '' ? undefined : Number(rest.trim());
    if (key !== 'names') continue;
    if (rest.trim() !== '') {
      let flow = rest.trim();
      // A flow list may run over several lines until its closing bracket.
      while (!closes(flow) && i + 1 < lines.length) flow += ` ${(lines[++i] as string).trim()}`;
      names = flow.startsWith('[') || flow.startsWith('{') ? readFlow(flow) : scalar(flow);
      continue;
    }
    const block: string[] = [];
    while (
      i + 1 < lines.length &&
      (/^\s/.test(lines[i + 1] as string) ||
        (lines[i + 1] as string).trim() === '' ||
        (lines[i + 1] as string).startsWith('-'))
    )
      block.push((lines[++i] as string).trim());
    names = readBlock(block.filter((l) => l !== ''));
  }
  return { names, nc };
}

function readBlock(lines: string[]): unknown {
  if (lines.every((l) => l.startsWith('-'))) return lines.map((l) => scalar(l.slice(1).trim()));
  return Object.fromEntries(lines.map(pair));
}

function readFlow(flow: string): unknown {
  const inner = flow.slice(1, -1);
  const parts = splitTopLevel(inner)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return flow.startsWith('[') ? parts.map(scalar) : Object.fromEntries(parts.map(pair));
}

function pair(text: string): [string, unknown] {
  const colon = text.indexOf(':');
  if (colon < 0) return [text, undefined];
  return [String(scalar(text.slice(0, colon).trim())), scalar(text.slice(colon + 1).trim())];
}

function scalar(text: string): unknown {
  if (text.length >= 2 && (text[0] === "'" || text[0] === '"') && text.at(-1) === text[0]) {
    const body = text.slice(1, -1);
    return text[0] === "'" ? body.replace(/''/g, "'") : body.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return text;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function closes(flow: string): boolean {
  if (flow.startsWith('[')) return flow.endsWith(']');
  if (flow.startsWith('{')) return flow.endsWith('}');
  return true;
}

/** A `#` starts a comment only outside quotes and after a space (or at the start). */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}
