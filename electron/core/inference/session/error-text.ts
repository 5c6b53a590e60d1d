/**
 * onnxruntime's native errors start with where they were thrown, e.g.
 * "/onnxruntime_src/…/webgpu_context.cc:136 onnxruntime::webgpu::WebGpuContext::Initialize(…)::<lambda()>
 * adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU
 * adapter: No supported adapters". A reviewer reads the provider line in the status bar and the
 * CLI's progress on every image, so only the sentence meant for people is kept: the source
 * location goes, and of a failed check only what follows "was false.".
 */
const SOURCE_LOCATION = /^\S+\.(?:cc|cpp|cxx|c|h|hpp|mm?):\d+\s+/;
const FAILED_CHECK = / was false\.\s+(.+)$/;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}

export function readableOrtError(text: string): string {
  const line = oneLine(text);
  if (!SOURCE_LOCATION.test(line)) return line;
  const rest = line.replace(SOURCE_LOCATION, '');
  return FAILED_CHECK.exec(rest)?.[1] ?? rest;
}
