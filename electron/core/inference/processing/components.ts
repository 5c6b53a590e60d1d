export type ComponentStats = {
  label: number;
  /** Pixel count. */
  area: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Raster index of the component's first pixel: where its outer contour starts. */
  start: number;
};

export type Components = { labels: Int32Array; components: ComponentStats[] };

function find(parent: Int32Array, a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]!]!;
    a = parent[a]!;
  }
  return a;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

/** Joins a labelled neighbour into the pixel's provisional label. */
function merge(parent: Int32Array, label: number, neighbour: number): number {
  if (neighbour === 0) return label;
  if (label === 0) return neighbour;
  if (neighbour !== label) union(parent, label, neighbour);
  return label;
}

/**
 * 8-connected component labelling (two passes, union-find). Labels are 1..n in raster order of
 * each component's first pixel; 0 is background. `binary` is non-zero for foreground.
 */
export function labelComponents(binary: ArrayLike<number>, width: number, height: number): Components {
  const labels = new Int32Array(width * height);
  const parent = new Int32Array(width * height + 1);
  let next = 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!binary[i]) continue;
      // already-visited neighbours of an 8-connected raster scan: W, NW, N, NE
      let label = merge(parent, 0, x > 0 ? labels[i - 1]! : 0);
      label = merge(parent, label, x > 0 && y > 0 ? labels[i - width - 1]! : 0);
      label = merge(parent, label, y > 0 ? labels[i - width]! : 0);
      label = merge(parent, label, x + 1 < width && y > 0 ? labels[i - width + 1]! : 0);
      if (label === 0) {
        label = next++;
        parent[label] = label;
      }
      labels[i] = label;
    }
  }
  return { labels, components: compact(labels, parent, width, next) };
}

function compact(labels: Int32Array, parent: Int32Array, width: number, next: number): ComponentStats[] {
  const finalOf = new Int32Array(next);
  const components: ComponentStats[] = [];
  for (let i = 0; i < labels.length; i++) {
    const provisional = labels[i]!;
    if (provisional === 0) continue;
    const root = find(parent, provisional);
    let label = finalOf[root]!;
    const x = i % width;
    const y = (i - x) / width;
    if (label === 0) {
      label = components.length + 1;
      finalOf[root] = label;
      components.push({ label, area: 0, minX: x, minY: y, maxX: x, maxY: y, start: i });
    }
    labels[i] = label;
    const c = components[label - 1]!;
    c.area++;
    if (x < c.minX) c.minX = x;
    if (x > c.maxX) c.maxX = x;
    if (y > c.maxY) c.maxY = y;
  }
  return components;
}
