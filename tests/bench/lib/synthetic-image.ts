import sharp from 'sharp';

export type RawImage = { data: Buffer; width: number; height: number; channels: 1 | 3 };

/** mulberry32: a tiny seeded generator, so an image set is the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v | 0);

type Palette = { base: number[]; features: number[][] };
// Board green with copper and silkscreen, brushed metal with scratches, fabric: inspection-like scenes.
const PALETTES: Palette[] = [
  {
    base: [38, 92, 52],
    features: [
      [196, 150, 80],
      [230, 230, 220],
      [20, 40, 24],
    ],
  },
  {
    base: [128, 130, 134],
    features: [
      [170, 172, 176],
      [90, 92, 96],
      [60, 58, 55],
    ],
  },
  {
    base: [150, 118, 90],
    features: [
      [120, 90, 66],
      [190, 160, 128],
      [70, 52, 40],
    ],
  },
];

function fillRect(img: RawImage, x0: number, y0: number, w: number, h: number, color: number[]): void {
  const { data, width, height, channels } = img;
  for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
      const o = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) data[o + c] = color[c] ?? color[0] ?? 0;
    }
  }
}

/**
 * A structured, noisy scene: a lit gradient, rectangles and traces of a few materials, and
 * sensor noise, so PNG compression and decoding cost what they cost on camera images (a flat
 * image would compress to nothing and decode for free).
 */
export function syntheticImage(width: number, height: number, seed: number, channels: 1 | 3 = 3): RawImage {
  const rnd = random(seed);
  const palette = PALETTES[seed % PALETTES.length] as Palette;
  const img: RawImage = { data: Buffer.alloc(width * height * channels), width, height, channels };
  const gx = (rnd() - 0.5) * 60;
  const gy = (rnd() - 0.5) * 60;
  for (let y = 0; y < height; y++) {
    const ry = (y / height) * gy;
    for (let x = 0; x < width; x++) {
      const shade = ry + (x / width) * gx;
      const o = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) img.data[o + c] = clamp((palette.base[c] ?? 128) + shade);
    }
  }
  const features = 4 + Math.round((width * height) / 40_000);
  for (let i = 0; i < features; i++) {
    const color = palette.features[i % palette.features.length] as number[];
    const trace = rnd() < 0.5;
    const long = Math.max(2, Math.round(rnd() * (trace ? width / 2 : width / 8)));
    const thin = Math.max(1, Math.round(rnd() * (trace ? height / 60 : height / 8)));
    const [w, h] = rnd() < 0.5 ? [long, thin] : [thin, long];
    fillRect(img, Math.floor(rnd() * width), Math.floor(rnd() * height), w, h, color);
  }
  addNoise(img, rnd, 3 + rnd() * 4);
  return img;
}

function addNoise(img: RawImage, rnd: () => number, amplitude: number): void {
  // xorshift per byte: Math.random-quality noise at a fraction of the cost on 15 M bytes.
  let s = (Math.floor(rnd() * 0xffffffff) | 1) >>> 0;
  const { data } = img;
  for (let i = 0; i < data.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const n = (((s >>> 0) & 0xff) / 255 - 0.5) * 2 * amplitude;
    data[i] = clamp((data[i] as number) + n);
  }
}

/** Writes the image with its index in the first pixels, so no two images of a set share a hash. */
export async function writePng(path: string, img: RawImage, index?: number): Promise<void> {
  if (index !== undefined) img.data.writeUInt32BE(index >>> 0, 0);
  await sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } })
    .png({ compressionLevel: 6 })
    .toFile(path);
}
