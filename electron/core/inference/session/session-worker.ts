import { parentPort } from 'node:worker_threads';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { messageOf, packError, wireError } from '../errors';
import { openWithFallback, valueInfo, type OpenedSession } from './open-session';
import { cudaLibraryPresent, loadOrt } from './ort';
import type { InspectReply, OpenReply, RunReply, WorkerRequest, WorkerResponse } from './protocol';
import { defaultProviderOrder, providerPlan } from './providers';
import { transferablesOf, type TensorData, type TensorType } from './tensor-data';

// The worker entry: owns one onnxruntime session so session.run never blocks the caller's
// event loop. Started through worker-bootstrap.mjs.

let opened: OpenedSession | undefined;
let label = '(no session)';

async function open(request: Extract<WorkerRequest, { op: 'open' }>): Promise<OpenReply> {
  if (opened) throw new Error('this worker already holds a session');
  const ort = await loadOrt();
  // failures reach the caller as exceptions with the same text; native logging would only
  // repeat them on stderr (set before the first session, when onnxruntime reads it)
  ort.env.logLevel = 'fatal';
  const backends = ort.listSupportedBackends();
  const available = backends.map((b) => b.name);
  label = request.label;
  const plan = providerPlan(
    request.providers,
    defaultProviderOrder(process.platform, backends, cudaLibraryPresent()),
  );
  // a predictor's runs are interleaved with decoding and post-processing on the same cores
  opened = await openWithFallback(ort, { ...request, plan, available, allowSpinning: false });
  const { provider, fallbacks, inputs, outputs, warmupMs } = opened;
  return { provider, fallbacks, inputs, outputs, warmupMs, available };
}

function toTensorData(value: Tensor): TensorData {
  const type = value.type as TensorType;
  // bool comes back as a Uint8Array view; copy so the buffer can be transferred whole
  const data =
    type === 'bool' ? new Uint8Array(value.data as Uint8Array) : (value.data as TensorData['data']);
  return { type, dims: [...value.dims], data };
}

async function run(request: Extract<WorkerRequest, { op: 'run' }>): Promise<RunReply> {
  if (!opened) throw new Error('no session is open in this worker');
  const ort = await loadOrt();
  const feeds: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(request.feeds)) feeds[name] = new ort.Tensor(t.type, t.data, t.dims);
  const started = performance.now();
  let results: InferenceSession.ReturnType;
  try {
    results = await opened.session.run(feeds);
  } catch (error) {
    throw packError(label, `session run failed on ${opened.provider}: ${messageOf(error)}`, 'INTERNAL');
  }
  const runMs = performance.now() - started;
  const outputs: Record<string, TensorData> = {};
  for (const [name, value] of Object.entries(results)) {
    if (value instanceof ort.Tensor) outputs[name] = toTensorData(value);
  }
  return { outputs, runMs };
}

async function inspect(request: Extract<WorkerRequest, { op: 'inspect' }>): Promise<InspectReply> {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(request.modelPath, { executionProviders: ['cpu'] });
  try {
    return { inputs: valueInfo(session.inputMetadata), outputs: valueInfo(session.outputMetadata) };
  } finally {
    await session.release();
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'open':
      return open(request);
    case 'run':
      return run(request);
    case 'inspect':
      return inspect(request);
    case 'close':
      await opened?.session.release();
      opened = undefined;
      return null;
  }
}

const port = parentPort;
if (!port) throw new Error('session-worker must run in a worker thread');
port.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (value) => {
      const reply: WorkerResponse = { id: request.id, ok: true, value };
      const outputs = request.op === 'run' ? Object.values((value as RunReply).outputs) : [];
      port.postMessage(reply, transferablesOf(outputs));
    },
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: wireError(error) } satisfies WorkerResponse),
  );
});
