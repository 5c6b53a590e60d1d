import { readFile } from 'node:fs/promises';
import { MmadFile, type MmadEntry } from './mmad-schema';

/**
 * Reads an MMAD-style question file (a JSON list of {image, conversation}) and validates every
 * entry; an error names the file, the entry and the field that is wrong.
 */
export async function readMmadFile(file: string): Promise<MmadEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read (${(error as Error).message})`);
  }
  return parseMmad(text, file);
}

export function parseMmad(text: string, file: string): MmadEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = MmadFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [entry, ...rest] = issue?.path ?? [];
  const where =
    entry === undefined
      ? 'the top level'
      : `entry ${String(entry)}${rest.length ? `, ${rest.join('.')}` : ''}`;
  throw new Error(`${file}: ${where}: ${issue?.message ?? 'invalid'}`);
}
