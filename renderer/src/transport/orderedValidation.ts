import type { Invoke } from '../../../electron/contract/client';
import type { AppEvent } from './types';

type Validate = (name: unknown, payload: unknown) => AppEvent | null;

let validator: Promise<Validate> | null = null;
const loadValidator = () => (validator ??= import('./validateEvent').then((m) => m.validateEvent));

/**
 * The event table's schemas (and zod, a third of the app's first script) load in a chunk of
 * their own, never ahead of the first screen: when the app starts a job (whose progress events
 * follow), or on the first event. Evaluating the chunk is a 100 ms task; loaded on a timer, it
 * landed in the middle of a scroll through the grid. Events that arrive before it are held,
 * and every event is checked and passed on in the order it came.
 */
export function orderedValidation(
  onEvent: (event: AppEvent) => void,
): (name: unknown, payload: unknown) => void {
  let chain: Promise<Validate> | null = null;
  return (name, payload) => {
    chain = (chain ?? loadValidator()).then((validate) => {
      const event = validate(name, payload);
      try {
        if (event) onEvent(event);
      } catch (error) {
        // One listener's failure must not stop the events after it (the chain would stay rejected).
        console.error(`handling the "${event?.name}" event failed`, error);
      }
      return validate;
    });
    chain.catch((error: unknown) => console.error('events cannot be checked, so none is shown', error));
  };
}

/** The transport's invoke, loading the event checks as a job is started (`…:start`). */
export function loadingChecksForJobs(invoke: Invoke): Invoke {
  return (method, input) => {
    if (method.endsWith(':start')) void loadValidator();
    return invoke(method, input);
  };
}
