import type { SliceMetrics } from '../../contract/api-evaluation';
import { binaryMetrics } from './metrics/binary';
import {
  addHistograms,
  emptyHistograms,
  histogramAupro,
  histogramAuroc,
  type PixelHistograms,
} from './metrics/pixel-histograms';
import { auroc, averagePrecision, f1Max, operatingPoints, prCurve, type Scored } from './metrics/ranking';

/** What one slice of the project (all, a domain, a category, a defect type) has gathered. */
export class SliceAccumulator {
  readonly scored: Scored[] = [];
  pixels: PixelHistograms | null = null;

  constructor(readonly name: string) {}

  addPixels(h: PixelHistograms): void {
    this.pixels ??= emptyHistograms();
    addHistograms(this.pixels, h);
  }

  metrics(threshold: number): SliceMetrics {
    const points = operatingPoints(this.scored);
    const ng = this.scored.filter((s) => s.positive).length;
    return {
      name: this.name,
      images: this.scored.length,
      ok: this.scored.length - ng,
      ng,
      auroc: auroc(this.scored),
      averagePrecision: averagePrecision(prCurve(points)),
      f1Max: f1Max(points),
      atThreshold: binaryMetrics(this.scored, threshold),
      pixel: this.pixels && {
        images: this.pixels.images,
        regions: this.pixels.regions,
        auroc: histogramAuroc(this.pixels),
        aupro: histogramAupro(this.pixels),
      },
    };
  }
}

type Dimension = 'domain' | 'category' | 'defectType';

/**
 * The project total and one group of slices per dimension. A defect-type slice holds the NG
 * images of that type and every OK image (its negatives), so its AUROC answers "does the model
 * tell this defect from good parts"; the types must therefore be known before images are added.
 */
export class Slices {
  readonly total = new SliceAccumulator('all');
  private readonly groups: Record<Dimension, Map<string, SliceAccumulator>> = {
    domain: new Map(),
    category: new Map(),
    defectType: new Map(),
  };

  constructor(defectTypes: readonly string[]) {
    for (const type of defectTypes) this.get('defectType', type);
  }

  /** The slices an image belongs to. */
  of(image: {
    domain: string | null;
    category: string | null;
    positive: boolean;
    defectTypes: readonly string[];
  }) {
    const out = [
      this.total,
      this.get('domain', image.domain ?? '(none)'),
      this.get('category', image.category ?? '(none)'),
    ];
    if (!image.positive) out.push(...this.groups.defectType.values());
    else for (const type of image.defectTypes) out.push(this.get('defectType', type));
    return out;
  }

  metrics(threshold: number) {
    const sorted = (m: Map<string, SliceAccumulator>) =>
      [...m.values()].sort((a, b) => a.name.localeCompare(b.name)).map((s) => s.metrics(threshold));
    return {
      total: this.total.metrics(threshold),
      slices: {
        domain: sorted(this.groups.domain),
        category: sorted(this.groups.category),
        defectType: sorted(this.groups.defectType),
      },
    };
  }

  private get(dimension: Dimension, name: string): SliceAccumulator {
    const group = this.groups[dimension];
    let slice = group.get(name);
    if (!slice) {
      slice = new SliceAccumulator(name);
      group.set(name, slice);
    }
    return slice;
  }
}
