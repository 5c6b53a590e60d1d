import { describe, expect, it } from 'vitest';
import { asSampleId, type SampleId } from '../../../electron/contract/ids';
import { createThumbSource, type ThumbsAnswer } from './thumbSource';

type Call = { ids: number[]; resolve(value: Awaited<ThumbsAnswer>): void };

/** A source whose calls wait until the test answers them. */
function harness(early: { ids: SampleId[]; answer: ThumbsAnswer } | null = null, keep = 100, spacingMs = 0) {
  const calls: Call[] = [];
  let holds = 0;
  const source = createThumbSource({
    ask: (ids) => new Promise((resolve) => calls.push({ ids: ids.map(Number), resolve })) as ThumbsAnswer,
    takeEarly: () => {
      const taken = early;
      early = null;
      return taken;
    },
    hold: () => {
      holds++;
      return () => holds--;
    },
    keep,
    spacingMs,
    nextFrame: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  const answer = (call: Call | undefined, tag = 'a') =>
    call?.resolve({
      ok: true,
      value: call.ids.map((id) => ({ id: asSampleId(id), url: `data:image/jpeg;base64,${tag}${id}` })),
    });
  return { source, calls, answer, holds: () => holds };
}

const ids = (...n: number[]) => n.map(asSampleId);
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('grid thumbnails', () => {
  it('asks once for every tile of one render and shows each as it arrives', async () => {
    const { source, calls, answer, holds } = harness();
    let notified = 0;
    for (const id of ids(1, 2, 3)) source.subscribe(id, () => notified++);
    source.subscribe(asSampleId(2), () => notified++); // the same tile again (a re-render)
    await tick();
    expect(calls.map((c) => c.ids)).toEqual([[1, 2, 3]]);
    expect(holds()).toBe(1);
    answer(calls[0]);
    await tick();
    expect(source.state(asSampleId(2))).toEqual({ id: 2, url: 'data:image/jpeg;base64,a2' });
    expect(notified).toBe(4);
    expect(holds()).toBe(0);
    source.subscribe(asSampleId(3), () => undefined);
    await tick();
    expect(calls).toHaveLength(1);
  });

  it('does not ask again for what is on its way: prefetched, or sent by the boot script', async () => {
    const early = Promise.resolve({
      ok: true as const,
      value: [{ id: asSampleId(9), url: 'data:image/jpeg;base64,e9' }],
    });
    const { source, calls, answer } = harness({ ids: ids(9), answer: early });
    source.prefetch(ids(9, 10, 11));
    expect(calls.map((c) => c.ids)).toEqual([[10, 11]]);
    for (const id of ids(9, 10, 11, 12)) source.subscribe(id, () => undefined);
    await tick();
    expect(calls.map((c) => c.ids)).toEqual([[10, 11], [12]]);
    expect(source.state(asSampleId(9))).toEqual({ id: 9, url: 'data:image/jpeg;base64,e9' });
    answer(calls[0]);
    await tick();
    expect(source.state(asSampleId(11))).toMatchObject({ url: 'data:image/jpeg;base64,a11' });
  });

  it('shows why a call failed, and asks again when the tile comes back', async () => {
    const { source, calls, answer } = harness();
    const stop = source.subscribe(asSampleId(4), () => undefined);
    await tick();
    calls[0]?.resolve({ ok: false, error: { code: 'IO_ERROR', message: 'the server cannot be reached' } });
    await tick();
    expect(source.state(asSampleId(4))).toEqual({ error: 'thumbnails: the server cannot be reached' });
    stop();
    source.subscribe(asSampleId(4), () => undefined);
    await tick();
    expect(calls).toHaveLength(2);
    answer(calls[1]);
    await tick();
    expect(source.state(asSampleId(4))).toMatchObject({ url: 'data:image/jpeg;base64,a4' });
  });

  it('after a refresh keeps the old image until the new one, and drops answers asked for before it', async () => {
    const { source, calls, answer } = harness();
    source.subscribe(asSampleId(5), () => undefined);
    source.subscribe(asSampleId(6), () => undefined);
    await tick();
    answer(calls[0]);
    await tick();
    source.subscribe(asSampleId(7), () => undefined);
    await tick();
    source.refresh();
    await tick();
    expect(source.state(asSampleId(5))).toMatchObject({ url: 'data:image/jpeg;base64,a5' });
    answer(calls[1], 'old'); // asked for 7 before the refresh
    await tick();
    expect(source.state(asSampleId(7))).toBeUndefined();
    const asked = calls
      .slice(2)
      .flatMap((c) => c.ids)
      .sort();
    expect(asked).toEqual([5, 6, 7]);
    for (const call of calls.slice(2)) answer(call, 'new');
    await tick();
    expect(source.state(asSampleId(5))).toMatchObject({ url: 'data:image/jpeg;base64,new5' });
    expect(source.state(asSampleId(7))).toMatchObject({ url: 'data:image/jpeg;base64,new7' });
  });

  it('keeps at most `keep` thumbnails, dropping the least recently shown off-screen ones first', async () => {
    const { source, calls, answer } = harness(null, 2);
    const stops = ids(1, 2, 3).map((id) => source.subscribe(id, () => undefined));
    await tick();
    answer(calls[0]);
    await tick();
    for (const stop of stops) stop();
    expect([1, 2, 3].map((n) => source.state(asSampleId(n)) !== undefined)).toEqual([false, true, true]);
  });

  it('spaces its calls out: tiles that mount between two calls go out together with the next', async () => {
    const { source, calls } = harness(null, 100, 60);
    source.subscribe(asSampleId(1), () => undefined);
    await tick();
    const stop2 = source.subscribe(asSampleId(2), () => undefined);
    await tick();
    stop2(); // scrolled past before the next call left
    source.subscribe(asSampleId(3), () => undefined);
    expect(calls.map((c) => c.ids)).toEqual([[1]]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(calls.map((c) => c.ids)).toEqual([[1], [3]]);
  });
});
