/**
 * Turbo (Google's perceptual rainbow), from its published polynomial fit: a 256-entry RGB table
 * built once. Ordered in lightness without jet's false bands, so hot spots read at a glance.
 */
function turboTable(): Uint8Array {
  const table = new Uint8Array(256 * 3);
  const channel = (x: number, c: readonly number[]) =>
    c[0]! + x * (c[1]! + x * (c[2]! + x * (c[3]! + x * (c[4]! + x * c[5]!))));
  const r = [0.13572138, 4.6153926, -42.66032258, 132.13108234, -152.94239396, 59.28637943];
  const g = [0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604];
  const b = [0.1066733, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973];
  for (let i = 0; i < 256; i++) {
    const x = i / 255;
    [r, g, b].forEach((c, k) => {
      table[i * 3 + k] = Math.round(255 * Math.min(1, Math.max(0, channel(x, c))));
    });
  }
  return table;
}

export const TURBO = turboTable();
