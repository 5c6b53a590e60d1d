import type { EventListener, EventName, EventPayload } from '../contract';

/** Fans core events out to every transport; a failing listener never stops the others. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        console.error(`event listener failed on ${name}:`, error);
      }
    }
  }
}
