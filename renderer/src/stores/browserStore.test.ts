import { describe, expect, it, vi } from 'vitest';
import { asSampleId, type SampleId } from '../../../electron/contract/ids';

// The store talks to the core only through the transport's api(); a fake one plays the core
// here, holding samples:ids answers until the test releases them.
const held: (() => void)[] = [];
const ids = Array.from({ length: 20 }, (_, i) => asSampleId(i + 1));
const ok = <T>(value: T) => ({ ok: true as const, value });

vi.mock('../transport/current', () => ({
  api: () =>
    new Proxy(
      {},
      {
        get: (_t, method: string) => (input: { ids?: SampleId[] }) => {
          if (method === 'samples:ids')
            return new Promise((resolve) => held.push(() => resolve(ok({ ids, total: ids.length }))));
          if (method === 'samples:page') return Promise.resolve(ok([]));
          if (method === 'samples:thumbs')
            return Promise.resolve(ok((input.ids ?? []).map((id) => ({ id, error: 'none' }))));
          return Promise.resolve(
            ok({
              verdicts: {},
              categories: {},
              sources: {},
              splits: {},
              defectTypes: {},
              total: 0,
              projectTotal: 0,
            }),
          );
        },
      },
    ),
}));

const { useBrowser } = await import('./browserStore');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the image list', () => {
  it('keeps the image the viewer stepped to while a re-read of the list was on its way', async () => {
    useBrowser.setState({ ids, total: ids.length, selected: 4, loaded: true });
    const reading = useBrowser.getState().reload();
    await settle();
    useBrowser.getState().select(5); // the viewer's next image, pressed meanwhile
    held.shift()?.();
    await reading;
    expect(useBrowser.getState().selected).toBe(5);
  });
});
