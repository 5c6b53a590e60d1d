import { parentPort } from 'node:worker_threads';
import { adapterFor } from '../adapters/select';
import { wireError } from '../errors';
import { encodeHeatmapPng, writeCreatingFolderSync } from './heatmap';
import type { FinishReply, FinishRequest, FinishResponse } from './postprocess-protocol';

// The worker entry: an adapter's decoding (maps, thresholds, connected components, polygons) and
// the heat-map PNG, off the thread that answers the app's requests. Started through
// worker-bootstrap.mjs.

async function finish(request: FinishRequest): Promise<FinishReply> {
  const started = performance.now();
  const { pack, outputs, geometry, image } = request;
  const result = adapterFor(pack).decode({ pack, outputs, geometry, image });
  const map = result.anomalyMap;
  if (request.heatmapPath && map) {
    writeCreatingFolderSync(request.heatmapPath, await encodeHeatmapPng(map, request.heatmap));
  }
  return {
    result,
    heatmapWritten: Boolean(request.heatmapPath && map),
    postprocessMs: performance.now() - started,
  };
}

const port = parentPort;
if (!port) throw new Error('postprocess-worker must run in a worker thread');
port.on('message', (request: FinishRequest) => {
  finish(request).then(
    (value) => {
      const map = value.result.anomalyMap?.data.buffer;
      const reply: FinishResponse = { id: request.id, ok: true, value };
      port.postMessage(reply, map instanceof ArrayBuffer ? [map] : []);
    },
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: wireError(error) } satisfies FinishResponse),
  );
});
