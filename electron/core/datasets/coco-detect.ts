import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { cocoCandidates } from './coco-files';

const HEAD_BYTES = 64 * 1024;

/**
 * A COCO file names its lists near the start ("images" after "info" and "licenses"); reading
 * the head keeps detection cheap when the file is hundreds of megabytes. Returns the file.
 */
export async function findCocoFile(root: string): Promise<string | null> {
  for (const json of await cocoCandidates(root)) {
    const head = await readHead(json);
    if (!head.includes('"images"')) continue;
    if (
      head.includes('"annotations"') ||
      head.includes('"categories"') ||
      /^(annotations|instances)/.test(basename(json))
    )
      return json;
  }
  return null;
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
