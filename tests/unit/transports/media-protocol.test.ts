import { describe, expect, it } from 'vitest';
import { handleMediaRequest } from '../../../electron/main/media-protocol';
import { electronMediaUrl } from '../../../electron/preload/channels';
import { createFakeCore } from './fake-core';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9]);
const core = createFakeCore({}, { 'thumb/5': { body: jpeg, contentType: 'image/jpeg', etag: 'h1-thumb' } });

describe('electron main: the media protocol', () => {
  it('answers a bridge media URL with the core bytes', async () => {
    const res = await handleMediaRequest(core, new Request(electronMediaUrl('thumb', 5, 'h1')));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('etag')).toBe('"h1-thumb"');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(jpeg);
  });

  it('answers unknown samples and malformed URLs with a status and a Result', async () => {
    const missing = await handleMediaRequest(core, new Request(electronMediaUrl('image', 6)));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const url of [
      'mau-media://media/../../etc/passwd',
      'mau-media://other/thumb/5',
      'mau-media://media/thumb/abc',
    ]) {
      expect((await handleMediaRequest(core, new Request(url))).status, url).toBe(404);
    }
  });
});
