import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as OrtModule from 'onnxruntime-node';

export type Ort = typeof OrtModule;

let loading: Promise<Ort> | undefined;

/**
 * onnxruntime-node is loaded on first use only: the native library is large, and the app (or a
 * CLI command that never infers) must start without it.
 */
export function loadOrt(): Promise<Ort> {
  loading ??= import('onnxruntime-node');
  return loading;
}

/** CUDA is listed by onnxruntime-node on Linux/Windows even when its library is not installed. */
export function cudaLibraryPresent(): boolean {
  try {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('onnxruntime-node'));
    const libraryName =
      process.platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
    return existsSync(join(dist, '..', 'bin', 'napi-v6', process.platform, process.arch, libraryName));
  } catch {
    return false;
  }
}
