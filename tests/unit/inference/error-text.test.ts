import { describe, expect, it } from 'vitest';
import { readableOrtError } from '../../../electron/core/inference/session/error-text';

describe("onnxruntime's native errors as a provider fall-back reason", () => {
  it('keeps the sentence meant for people from a failed check, without source location or signature', () => {
    // as onnxruntime-node 1.2x throws it when no WebGPU adapter exists (seen on this machine)
    const thrown =
      '/onnxruntime_src/onnxruntime/core/providers/webgpu/webgpu_context.cc:136 ' +
      'onnxruntime::webgpu::WebGpuContext::Initialize(const onnxruntime::webgpu::WebGpuContextConfig&)::<lambda()> ' +
      'adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU adapter: No supported adapters';
    expect(readableOrtError(thrown)).toBe('Failed to get a WebGPU adapter: No supported adapters');
  });

  it('drops only the location of other native errors, and leaves JavaScript messages alone', () => {
    expect(
      readableOrtError('/src/cuda_provider_factory.cc:42 CUDA failure 100: no CUDA-capable device'),
    ).toBe('CUDA failure 100: no CUDA-capable device');
    expect(readableOrtError('backend not found.\n  at x')).toBe('backend not found. at x');
  });
});
