import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Streams the file so multi-gigabyte decoder weights never sit in memory at once. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
