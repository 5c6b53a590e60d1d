import { describe, expect, it } from 'vitest';
import { ModelPackInfo } from '../../../electron/contract/api-inference';
import manifest from '../../../models/test-models/anomalib-v2/model.json';
import { cardRows, inputText, labelsText, thresholdText } from './packText';
import { providerSummary } from './providerText';

// A pack as models:list describes it, built from a real test pack's manifest.
const pack = (session: ModelPackInfo['session']) =>
  ModelPackInfo.parse({
    packId: 'pack:1',
    kind: 'anomalib',
    name: manifest.name,
    version: manifest.version,
    variant: 'v2',
    description: '',
    card: manifest.card,
    dir: '/packs/anomalib-v2',
    shipped: false,
    registered: true,
    addedAt: null,
    inputs: manifest.inputs,
    outputs: manifest.outputs,
    labels: [],
    thresholds: { image: 0.5, pixel: null, normalisation: { min: 0, max: 2 } },
    files: [],
    session,
    predictionCount: 0,
    problem: null,
  });

const cudaMissing = {
  provider: 'cpu' as const,
  fallbacks: [{ provider: 'cuda' as const, reason: 'libonnxruntime_providers_cuda.so not found' }],
  threads: 2,
  openedAt: '2026-11-29T08:00:00Z',
};

describe('where a pack will run, as the dialog says it', () => {
  it('before any session: the plan for the chosen provider', () => {
    expect(providerSummary(pack(null), 'auto').headline).toMatch(/GPU when one is present, else the CPU/);
    expect(providerSummary(pack(null), 'cuda').headline).toMatch(/tries CUDA .*falls back to the CPU/);
    expect(providerSummary(pack(null), 'cpu')).toEqual({
      headline: 'Not run in this project yet: will run on the CPU',
      fallbacks: [],
    });
  });

  it('after a session fell back to the CPU: where it ran and why the GPU was passed over', () => {
    expect(providerSummary(pack(cudaMissing), 'auto')).toEqual({
      headline: 'Runs on CPU (as its last session did)',
      fallbacks: ['CUDA (NVIDIA GPU): libonnxruntime_providers_cuda.so not found'],
    });
    expect(providerSummary(pack(cudaMissing), 'webgpu').headline).toBe(
      'Last ran on CPU; this run tries WebGPU, then the CPU',
    );
  });
});

describe('the pack facts', () => {
  it('reads inputs, thresholds and the card of a real manifest', () => {
    const p = pack(null);
    expect(inputText(p.inputs[0]!)).toBe('input [batch, 3, 128, 128] float32 RGB, stretch to 128×128, ÷255');
    // a token input has no colours (MAU-GPT's decoder inputs read "… int64 RGB" before)
    const ids = {
      name: 'input_ids',
      shape: ['batch', 'sequence'],
      dtype: 'int64',
      resize: null,
      normalise: null,
    };
    expect(inputText({ ...p.inputs[0]!, ...ids })).toBe('input_ids [batch, sequence] int64');
    expect(thresholdText(p.thresholds)).toBe('image 0.5 · normalised from 0…2');
    expect(thresholdText({ image: null, pixel: null, normalisation: null })).toBe('none stated in the pack');
    const byCategory = { pcb: { image: 0.997 }, ball_screw: { image: 0.987, pixel: 0.5 } };
    expect(thresholdText({ image: 0.981, pixel: 0.64, normalisation: null, byCategory })).toBe(
      'image 0.981 · pixel 0.64; per category, pcb: image 0.997; ball_screw: image 0.987 · pixel 0.5',
    );
    const scored = {
      pcb: { image: 0.998, imageTopFraction: 0.001, regionPeak: 0.95 },
      gear: { image: 0.9, imageTopFraction: 0 },
    };
    expect(thresholdText({ image: 0.981, pixel: 0.64, normalisation: null, byCategory: scored })).toBe(
      'image 0.981 · pixel 0.64; per category, pcb: image 0.998 (scored by the map’s top 0.1 %) · regions peaking ≥ 0.95; gear: image 0.9 (scored by the map’s highest pixel)',
    );
    expect(cardRows(p.card)).toContainEqual(['licence', 'MIT']);
    expect(cardRows(p.card)).toContainEqual(['training data', 'none: hand-set and fixed-seed weights']);
    expect(cardRows({ authors: ['a', 'b'], extra: { k: 1 } })).toEqual([
      ['authors', 'a, b'],
      ['extra', '{"k":1}'],
    ]);
  });

  it('lists labels per category of part where a defect-type head gives them', () => {
    expect(labelsText({ labels: ['open', 'pitting'] })).toBe('open, pitting');
    expect(labelsText({ labels: [] })).toBe('none (anomaly score only)');
    const byCategory = { ball_screw: ['pitting'], pcb: ['open', 'short'] };
    expect(labelsText({ labels: ['open', 'pitting', 'short'], labelsByCategory: byCategory })).toBe(
      'per category: ball_screw: pitting; pcb: open, short',
    );
  });
});
