import type { ExecutionProvider, ModelPackInfo } from '../../../electron/contract/api-inference';
import type { ProviderChoice } from './runRequest';

export const providerName: Record<ExecutionProvider, string> = {
  cuda: 'CUDA (NVIDIA GPU)',
  dml: 'DirectML (Windows GPU)',
  coreml: 'Core ML (Apple)',
  webgpu: 'WebGPU',
  cpu: 'CPU',
};

export const providerChoices: ProviderChoice[] = ['auto', 'cpu', 'cuda', 'dml', 'coreml', 'webgpu'];

export function choiceLabel(choice: ProviderChoice): string {
  return choice === 'auto' ? 'Automatic (GPU, else CPU)' : providerName[choice];
}

export type ProviderSummary = {
  /** One line: where the pack runs (or last ran) and what happens with the current choice. */
  headline: string;
  /** Why providers before the one used were passed over, one line each. */
  fallbacks: string[];
};

/**
 * What the engine will run the pack on. The engine only knows for sure once a session opened, so
 * before that the answer is the plan; afterwards it is the provider the last session ended up on.
 */
export function providerSummary(pack: ModelPackInfo, choice: ProviderChoice): ProviderSummary {
  const session = pack.session;
  const fallbacks = (session?.fallbacks ?? []).map((f) => `${providerName[f.provider]}: ${f.reason}`);
  if (!session) {
    const headline =
      choice === 'auto'
        ? 'Not run in this project yet: tries the GPU when one is present, else the CPU'
        : choice === 'cpu'
          ? 'Not run in this project yet: will run on the CPU'
          : `Not run in this project yet: tries ${providerName[choice]}, falls back to the CPU`;
    return { headline, fallbacks };
  }
  const last = providerName[session.provider];
  if (choice === 'auto' || choice === session.provider)
    return { headline: `Runs on ${last} (as its last session did)`, fallbacks };
  const next =
    choice === 'cpu' ? 'this run uses the CPU' : `this run tries ${providerName[choice]}, then the CPU`;
  return { headline: `Last ran on ${last}; ${next}`, fallbacks };
}
