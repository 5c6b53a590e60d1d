import { Shape } from '../../contract/geometry';
import { AppError } from '../../contract/result';

/** How a shape sits in a regions / prediction_regions row. */
export type ShapeColumns = {
  kind: Shape['kind'];
  x: number;
  y: number;
  w: number;
  h: number;
  geometry: string | null;
  rle: Buffer | null;
};

/**
 * Mask counts packed as unsigned LEB128 varints: most runs fit one or two bytes, a quarter of
 * JSON's size, and large masks are the rows that matter. Arithmetic, not bit operators, so runs
 * above 2^31 survive.
 */
export function packCounts(counts: readonly number[]): Buffer {
  const bytes: number[] = [];
  for (const count of counts) {
    let rest = count;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  }
  return Buffer.from(bytes);
}

export function unpackCounts(packed: Uint8Array): number[] {
  const counts: number[] = [];
  let value = 0;
  let scale = 1;
  for (const byte of packed) {
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
    } else {
      counts.push(value);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new Error('mask RLE: packed counts end in the middle of a number');
  return counts;
}

/** Validates an untrusted shape (importers read it from files) and lays it out for a row. */
export function shapeToColumns(input: unknown, where: string): ShapeColumns {
  const parsed = Shape.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    throw new AppError(
      'INVALID_INPUT',
      `${where}: invalid shape${at}: ${issue?.message ?? 'unknown problem'}`,
    );
  }
  const shape = parsed.data;
  switch (shape.kind) {
    case 'box':
      return { ...pick(shape), kind: 'box', geometry: JSON.stringify(shape), rle: null };
    case 'polygon': {
      // A loop, not Math.min(...points): a traced outline can have more points than the stack allows.
      let [x0, y0] = shape.points[0] as [number, number];
      let [x1, y1] = [x0, y0];
      for (const [px, py] of shape.points) {
        x0 = Math.min(x0, px);
        y0 = Math.min(y0, py);
        x1 = Math.max(x1, px);
        y1 = Math.max(y1, py);
      }
      return {
        kind: 'polygon',
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
        geometry: JSON.stringify(shape),
        rle: null,
      };
    }
    case 'mask': {
      const covered = shape.rle.reduce((sum, run) => sum + run, 0);
      if (covered !== shape.w * shape.h) {
        throw new AppError(
          'INVALID_INPUT',
          `${where}: mask RLE covers ${covered} pixels, its ${shape.w}×${shape.h} box has ${shape.w * shape.h}`,
        );
      }
      return { ...pick(shape), kind: 'mask', geometry: null, rle: packCounts(shape.rle) };
    }
  }
}

const pick = (s: { x: number; y: number; w: number; h: number }) => ({ x: s.x, y: s.y, w: s.w, h: s.h });

export function columnsToShape(row: ShapeColumns): Shape {
  if (row.kind === 'mask') {
    return {
      kind: 'mask',
      x: row.x,
      y: row.y,
      w: row.w,
      h: row.h,
      rle: unpackCounts(row.rle ?? Buffer.alloc(0)),
    };
  }
  return JSON.parse(row.geometry ?? 'null') as Shape;
}
