import type { AppEvent, ConnectionState } from './types';
import { orderedValidation } from './orderedValidation';

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/** Keeps one WebSocket to /events open, reconnecting with exponential backoff while the server is away. */
export function openEventSocket(
  url: URL,
  onEvent: (event: AppEvent) => void,
  onState: (state: ConnectionState) => void,
): () => void {
  let socket: WebSocket | null = null;
  let delay = MIN_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const receive = orderedValidation(onEvent);

  const connect = () => {
    onState('connecting');
    socket = new WebSocket(url);
    socket.onopen = () => {
      delay = MIN_DELAY_MS;
      onState('connected');
    };
    socket.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        console.warn('ignored a non-JSON event message');
        return;
      }
      const { event, payload } = (data ?? {}) as { event?: unknown; payload?: unknown };
      receive(event, payload);
    };
    socket.onclose = () => {
      socket = null;
      if (closed) return;
      onState('disconnected');
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    };
  };

  connect();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    socket?.close();
  };
}
