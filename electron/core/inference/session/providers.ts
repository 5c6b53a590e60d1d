export const PROVIDERS = ['cuda', 'dml', 'coreml', 'webgpu', 'cpu'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export type BackendInfo = { name: string; bundled: boolean };

/** Why a provider was passed over, in the order they were tried. */
export type ProviderFallback = { provider: ProviderName; reason: string };

export function isProviderName(name: string): name is ProviderName {
  return (PROVIDERS as readonly string[]).includes(name);
}

/**
 * The order a session tries when the caller names none: the platform's native GPU path first,
 * then WebGPU, CPU last. CUDA only counts when its provider library is actually installed:
 * onnxruntime-node lists it on Linux and Windows either way.
 */
export function defaultProviderOrder(
  platform: NodeJS.Platform,
  backends: readonly BackendInfo[],
  cudaLibraryPresent: boolean,
): ProviderName[] {
  const listed = new Set(backends.map((b) => b.name));
  const order: ProviderName[] = [];
  if ((platform === 'linux' || platform === 'win32') && listed.has('cuda') && cudaLibraryPresent) {
    order.push('cuda');
  }
  if (platform === 'win32' && listed.has('dml')) order.push('dml');
  if (platform === 'darwin' && listed.has('coreml')) order.push('coreml');
  if (listed.has('webgpu')) order.push('webgpu');
  order.push('cpu');
  return order;
}

/** The caller's order (deduplicated), or the platform default; CPU always closes the list. */
export function providerPlan(
  requested: readonly ProviderName[] | undefined,
  fallback: ProviderName[],
): ProviderName[] {
  const plan = [...new Set(requested && requested.length > 0 ? requested : fallback)].filter(
    (p) => p !== 'cpu',
  );
  return [...plan, 'cpu'];
}
