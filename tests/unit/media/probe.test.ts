import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaError, probeImage } from '../../../electron/core/media';
import {
  grey16Gradient,
  SHARED_DATA,
  makeTempDirs,
  write16BitPng,
  write16BitTiff,
  writeJpeg,
} from './helpers';

const tempDir = makeTempDirs();

describe('probeImage', () => {
  it('hashes and measures a real DeepPCB JPEG', async () => {
    const file = path.join(SHARED_DATA, 'deeppcb/PCBData/group00041/00041/00041046_temp.jpg');
    const bytes = fs.readFileSync(file);
    const probe = await probeImage(file);
    expect(probe).toMatchObject({
      format: 'jpeg',
      width: 640,
      height: 640,
      bitDepth: 8,
      fileSize: bytes.length,
    });
    expect(probe.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(probe.mtimeMs).toBe(fs.statSync(file).mtimeMs);
  });

  it('reports 16-bit grey PNG and TIFF as 16-bit, one channel', async () => {
    const dir = tempDir();
    const samples = grey16Gradient(30, 20);
    await write16BitPng(path.join(dir, 'a.png'), samples, 30, 20);
    await write16BitTiff(path.join(dir, 'a.tif'), samples, 30, 20);
    for (const [name, format] of [
      ['a.png', 'png'],
      ['a.tif', 'tiff'],
    ]) {
      const probe = await probeImage(path.join(dir, name as string));
      expect(probe).toMatchObject({ format, width: 30, height: 20, bitDepth: 16, channels: 1 });
    }
  });

  it('names the file and the reason for each kind of bad file', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.jpg');
    await writeJpeg(good, 64, 64);
    const bytes = fs.readFileSync(good);
    const cases: Array<[string, Buffer | string, string]> = [
      ['empty.png', Buffer.alloc(0), 'empty file (0 bytes)'],
      ['truncated.jpg', bytes.subarray(0, bytes.length - 40), 'truncated JPEG'],
      ['notes.png', 'hello, this is not an image\n', 'not a PNG (starts with text "hello, this "'],
      ['data.tif', '{"shapes": []}', 'not a TIFF (starts like JSON)'],
    ];
    for (const [name, content, reason] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const error = await probeImage(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MediaError);
      expect((error as MediaError).file).toBe(file);
      expect((error as MediaError).message).toContain(`${file}: ${reason}`);
    }
    await expect(probeImage(path.join(dir, 'gone.png'))).rejects.toThrow('gone.png: file not found');
  });

  it('accepts an image whose extension names another format, recording the real one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'really-a-jpeg.png');
    await writeJpeg(path.join(dir, 'x.jpg'), 10, 10);
    fs.copyFileSync(path.join(dir, 'x.jpg'), file);
    expect(await probeImage(file)).toMatchObject({ format: 'jpeg', width: 10, height: 10 });
  });
});
