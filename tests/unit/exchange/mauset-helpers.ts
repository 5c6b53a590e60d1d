import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatRecord, Manifest, SampleRecord } from '../../../electron/core/exchange/mauset';

/** Every line of a JSONL file, each validated by `schema`; a failure names the file and the line. */
export function readJsonl<T>(file: string, schema: { parse(value: unknown): T }): T[] {
  const text = readFileSync(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, i) => {
      try {
        return schema.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`${file}:${i + 1}: ${(error as Error).message}`);
      }
    });
}

export type MauSetExport = { manifest: Manifest; records: SampleRecord[]; chats: ChatRecord[] };

/** A whole MAU-Set export, every file validated against the record schemas. */
export function readMauSet(dir: string): MauSetExport {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const records = ['train', 'val', 'test'].flatMap((split) =>
    readJsonl(join(dir, `${split}.jsonl`), SampleRecord),
  );
  const chats = ['train', 'val'].flatMap((split) =>
    readJsonl(join(dir, 'sft', `${split}.jsonl`), ChatRecord),
  );
  return { manifest, records, chats };
}

/** Whole-word, case-insensitive: "no" is not found in "anomaly". */
export function containsWords(text: string, words: string): boolean {
  const escaped = words.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text.toLowerCase());
}
