import type { Rng } from './prng';

/**
 * Smooth value noise in [0, 1]: random values on a lattice of `cellX` × `cellY` pixel cells,
 * blended with a smoothstep. Unequal cells give streaks (brushed metal), equal ones blotches.
 */
export function valueNoise(
  rng: Rng,
  width: number,
  height: number,
  cellX: number,
  cellY: number,
): Float32Array {
  const out = new Float32Array(width * height);
  addValueNoise(rng, out, width, height, cellX, cellY, 1);
  return out;
}

/** Adds `amplitude` × value noise into `out` in place: octaves sum without a buffer each. */
function addValueNoise(
  rng: Rng,
  out: Float32Array,
  width: number,
  height: number,
  cellX: number,
  cellY: number,
  amplitude: number,
): void {
  const gw = Math.ceil(width / cellX) + 2;
  const gh = Math.ceil(height / cellY) + 2;
  const lattice = new Float32Array(gw * gh);
  for (let i = 0; i < lattice.length; i++) lattice[i] = rng.next();
  // A random phase, so the lattice lines do not sit on the same pixels in every octave.
  const offX = rng.next() * cellX;
  const offY = rng.next() * cellY;
  const weightsX = new Float32Array(width);
  const cellsX = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = (x + offX) / cellX;
    cellsX[x] = Math.floor(fx);
    weightsX[x] = smooth(fx - cellsX[x]!);
  }
  for (let y = 0; y < height; y++) {
    const fy = (y + offY) / cellY;
    const gy = Math.floor(fy);
    const ty = smooth(fy - gy);
    const row0 = gy * gw;
    const row1 = row0 + gw;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const gx = cellsX[x]!;
      const tx = weightsX[x]!;
      const top = lattice[row0 + gx]! + (lattice[row0 + gx + 1]! - lattice[row0 + gx]!) * tx;
      const bottom = lattice[row1 + gx]! + (lattice[row1 + gx + 1]! - lattice[row1 + gx]!) * tx;
      out[base + x]! += (top + (bottom - top) * ty) * amplitude;
    }
  }
}

export type FractalOptions = {
  /** Cell size of the coarsest octave, in pixels. */
  cell: number;
  octaves: number;
  /** Amplitude ratio between successive octaves. */
  persistence: number;
  /** Cell width ÷ cell height; above 1 stretches features along x. */
  aspect?: number;
};

/** Several octaves of value noise, halving the cell each time, normalised back to [0, 1]. */
export function fractalNoise(rng: Rng, width: number, height: number, options: FractalOptions): Float32Array {
  const aspect = options.aspect ?? 1;
  const out = new Float32Array(width * height);
  let amplitude = 1;
  let total = 0;
  let cell = options.cell;
  for (let octave = 0; octave < options.octaves; octave++) {
    addValueNoise(rng, out, width, height, Math.max(1, cell * aspect), Math.max(1, cell), amplitude);
    total += amplitude;
    amplitude *= options.persistence;
    cell /= 2;
  }
  const scale = 1 / total;
  for (let i = 0; i < out.length; i++) out[i]! *= scale;
  return out;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}
