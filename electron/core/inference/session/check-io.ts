import type { TensorType } from './tensor-data';

export type Dim = number | string;

/** What the pack promises about the graph; checked against the session before any run. */
export type ExpectedIo = {
  inputs: { name: string; dtype: TensorType; shape: Dim[] }[];
  outputs: { name: string; role: string }[];
};

export type ValueInfo = { name: string; type: string; shape: Dim[] };

const fmt = (shape: readonly Dim[]) => `[${shape.join(', ')}]`;

/** Returns every disagreement between model.json and the graph, worded for the user. */
export function checkIo(expected: ExpectedIo, inputs: ValueInfo[], outputs: ValueInfo[]): string[] {
  const problems: string[] = [];
  const byName = new Map(inputs.map((i) => [i.name, i]));
  for (const want of expected.inputs) {
    const have = byName.get(want.name);
    if (!have) {
      problems.push(
        `input ${want.name} is not in the model (its inputs: ${inputs.map((i) => i.name).join(', ')})`,
      );
      continue;
    }
    if (have.type !== want.dtype) {
      problems.push(`input ${want.name}: model.json says ${want.dtype}, the model expects ${have.type}`);
    }
    const clash =
      have.shape.length > 0 &&
      (have.shape.length !== want.shape.length ||
        want.shape.some(
          (d, i) => typeof d === 'number' && typeof have.shape[i] === 'number' && d !== have.shape[i],
        ));
    if (clash) {
      problems.push(
        `input ${want.name}: model.json shape ${fmt(want.shape)} does not match the model's ${fmt(have.shape)}`,
      );
    }
  }
  for (const extra of inputs.filter((i) => !expected.inputs.some((e) => e.name === i.name))) {
    problems.push(
      `the model also needs input ${extra.name} ${fmt(extra.shape)}, which model.json does not describe`,
    );
  }
  const outputNames = new Set(outputs.map((o) => o.name));
  for (const want of expected.outputs) {
    if (!outputNames.has(want.name)) {
      problems.push(
        `output ${want.name} (role ${want.role}) is not in the model (its outputs: ${[...outputNames].join(', ')})`,
      );
    }
  }
  return problems;
}

/** A feedable shape: the pack's numbers, else the graph's, else batch 1 / the resize size. */
export function concreteDims(
  packShape: Dim[],
  modelShape: Dim[],
  size?: { width: number; height: number },
): number[] {
  return packShape.map((d, i) => {
    if (typeof d === 'number') return d;
    const m = modelShape[i];
    if (typeof m === 'number') return m;
    if (i === packShape.length - 1 && size) return size.width;
    if (i === packShape.length - 2 && size) return size.height;
    if (i === 1 && packShape.length === 4) return 3;
    return 1;
  });
}
