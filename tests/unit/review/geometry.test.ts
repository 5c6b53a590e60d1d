import { describe, expect, it } from 'vitest';
import type { DraftShape } from '../../../electron/contract/review';
import { selfIntersection } from '../../../electron/contract/polygon';
import { box, reviewProjects } from './helpers';

const projects = reviewProjects();
type Pt = [number, number];
const polygon = (...points: Pt[]): DraftShape => ({ kind: 'polygon', points });

describe('bad geometry is refused with the region and the problem named', () => {
  it('rejects a polygon with two points, naming the region', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('NG');
    const state = await call('labels:get', { sampleId: id! });
    const region = state.regions[0]!;
    const { fileName } = await call('samples:get', { id: id! });

    await expect(
      edit(state, { type: 'updateRegion', regionId: region.id, shape: polygon([1, 1], [5, 5]) }),
    ).rejects.toThrow(
      `INVALID_INPUT ${fileName}: region ${region.id}: a polygon needs at least 3 points, this one has 2`,
    );
    await expect(
      edit(state, { type: 'addRegion', defectType: 'pitting', shape: polygon([1, 1], [5, 5]) }),
    ).rejects.toThrow(`${fileName}: new polygon region: a polygon needs at least 3 points, this one has 2`);
    const after = await call('labels:get', { sampleId: id! });
    expect(after).toEqual(state);
  });

  it.each<[string, DraftShape, RegExp]>([
    [
      'a self-intersecting polygon',
      polygon([0, 0], [10, 10], [10, 0], [0, 10]),
      /crosses itself \(edges 1 and 3 meet\)/,
    ],
    ['a polygon with zero area', polygon([0, 0], [5, 5], [10, 10]), /zero area/],
    ['a polygon that doubles back on itself', polygon([0, 0], [10, 0], [5, 0], [5, 5]), /crosses itself/],
    [
      'a polygon with a repeated point',
      polygon([0, 0], [10, 0], [10, 0], [5, 5]),
      /points 2 and 3 are the same point/,
    ],
    [
      'a polygon outside the image',
      polygon([0, 0], [2000, 0], [5, 5]),
      /point 2 \(2000, 0\) lies outside the 1130×460 image/,
    ],
    ['a box of zero size', box(10, 10, 0, 5), /a box needs a positive size, this one is 0×5/],
    ['a box reaching outside the image', box(1120, 10, 20, 5), /the box reaches outside the 1130×460 image/],
    [
      'a mask outside the image',
      { kind: 'mask', x: 1128, y: 0, w: 4, h: 1, rle: [0, 4] },
      /the mask \(1128, 0, 4×1\) lies outside/,
    ],
    ['an empty mask', { kind: 'mask', x: 0, y: 0, w: 4, h: 2, rle: [8] }, /the mask is empty/],
    [
      'a mask whose runs do not fill its box',
      { kind: 'mask', x: 0, y: 0, w: 4, h: 2, rle: [1, 2] },
      /cover 3 pixels, its 4×2 box has 8/,
    ],
  ])('rejects %s and writes nothing', async (_name, shape, message) => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('OK');
    const state = await call('labels:get', { sampleId: id! });
    await expect(edit(state, { type: 'addRegion', defectType: 'pitting', shape })).rejects.toThrow(message);
    expect((await call('labels:get', { sampleId: id! })).revision).toBe(state.revision);
  });

  it('accepts shapes that touch the image border and concave polygons', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('OK');
    let state = await call('labels:get', { sampleId: id! });
    state = await edit(state, { type: 'addRegion', defectType: 'pitting', shape: box(0, 0, 1130, 460) });
    const concave = polygon([0, 0], [10, 0], [5, 5], [10, 10], [0, 10]);
    state = await edit(state, { type: 'addRegion', defectType: 'pitting', shape: concave });
    expect(state.regions.map((r) => r.shape.kind)).toEqual(['box', 'polygon']);
  });
});

describe('polygon self-intersection', () => {
  it('finds crossings in long outlines and accepts simple ones', () => {
    const circle = Array.from({ length: 5000 }, (_, i): Pt => {
      const angle = (i / 5000) * 2 * Math.PI;
      return [500 + 400 * Math.cos(angle), 500 + 400 * Math.sin(angle)];
    });
    expect(selfIntersection(circle)).toBeNull();
    const twisted = [...circle];
    [twisted[10], twisted[4000]] = [twisted[4000]!, twisted[10]!];
    expect(selfIntersection(twisted)).not.toBeNull();
    expect(
      selfIntersection([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 0.0001],
        [0, 4],
      ]),
    ).toBeNull();
    // A corner resting on another edge is a touch, not a simple outline.
    expect(
      selfIntersection([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 0],
        [0, 4],
      ]),
    ).not.toBeNull();
  });
});
