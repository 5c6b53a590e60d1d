import { describe, expect, it } from 'vitest';
import type { PolygonShape } from '../../../electron/contract';
import { edgeAt, movedVertex, polygon, vertexAt, withoutVertex, withVertex } from './polygon';
import type { Pt } from './types';

const image = { width: 100, height: 100 };
const square = (
  points: Pt[] = [
    [10, 10],
    [30, 10],
    [30, 30],
    [10, 30],
  ],
): PolygonShape => ({ kind: 'polygon', points });

describe('polygon regions', () => {
  it('measures its area and bounds', () => {
    expect(polygon.area(square())).toBe(400);
    expect(polygon.bounds(square())).toEqual({ x: 10, y: 10, w: 20, h: 20 });
  });

  it('is hit inside and near its outline only', () => {
    expect(polygon.contains(square(), [20, 20], 0)).toBe(true);
    expect(polygon.contains(square(), [31, 20], 2)).toBe(true);
    expect(polygon.contains(square(), [40, 20], 2)).toBe(false);
  });

  it('finds vertices and edges within a tolerance', () => {
    expect(vertexAt(square().points, [29, 11], 3)).toBe(1);
    expect(vertexAt(square().points, [20, 20], 3)).toBe(-1);
    expect(edgeAt(square().points, [20, 11], 2)).toBe(0);
  });

  it('adds, moves and removes vertices', () => {
    expect(withVertex(square(), 0, [20, 5]).points[1]).toEqual([20, 5]);
    expect(movedVertex(square(), 2, [40, 40]).points[2]).toEqual([40, 40]);
    expect(withoutVertex(square(), 0).points).toHaveLength(3);
  });

  it('refuses too few points, zero area, crossings and points outside', () => {
    expect(
      polygon.problem(
        square([
          [1, 1],
          [5, 5],
        ]),
        image,
      ),
    ).toMatch(/at least 3 points, this one has 2/);
    expect(
      polygon.problem(
        square([
          [1, 1],
          [5, 5],
          [9, 9],
        ]),
        image,
      ),
    ).toMatch(/zero area/);
    expect(
      polygon.problem(
        square([
          [0, 0],
          [10, 10],
          [10, 0],
          [0, 10],
        ]),
        image,
      ),
    ).toMatch(/crosses itself \(edges 1 and 3/);
    expect(
      polygon.problem(
        square([
          [0, 0],
          [120, 0],
          [0, 10],
        ]),
        image,
      ),
    ).toMatch(/point 2 lies outside/);
    expect(polygon.problem(square(), image)).toBeNull();
  });

  it('serialises rounded, merging points that rounding made equal', () => {
    const draft = polygon.toDraft(
      square([
        [1, 1],
        [1.001, 1.001],
        [5, 1],
        [5, 5],
      ]),
    );
    expect(draft).toEqual({
      kind: 'polygon',
      points: [
        [1, 1],
        [5, 1],
        [5, 5],
      ],
    });
  });
});
