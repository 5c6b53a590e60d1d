import type { AppEvent } from './types';

type Validate = (name: unknown, payload: unknown) => AppEvent | null;

/** Long enough for a big project's first screen to be up, short enough to be ready before work starts. */
const WARM_UP_MS = 3_000;

let validator: Promise<Validate> | null = null;
const loadValidator = () => (validator ??= import('./validateEvent').then((m) => m.validateEvent));

/**
 * The event table's schemas (and zod, a third of the app's first script) load in a chunk of
 * their own: on the first event, or a few seconds after start, never ahead of the first screen.
 * Events that arrive before it are held, and every event is checked and passed on in the order
 * it came.
 */
export function orderedValidation(
  onEvent: (event: AppEvent) => void,
): (name: unknown, payload: unknown) => void {
  setTimeout(() => void loadValidator(), WARM_UP_MS);
  let chain: Promise<Validate> | null = null;
  return (name, payload) => {
    chain = (chain ?? loadValidator()).then((validate) => {
      const event = validate(name, payload);
      if (event) onEvent(event);
      return validate;
    });
    chain.catch((error: unknown) => console.error('events cannot be checked, so none is shown', error));
  };
}
