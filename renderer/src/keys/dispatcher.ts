import { chordOf, type KeyLike } from './chord';
import type { Scope } from './keymap';
import { currentKeymap } from './keymapStore';

export type Handlers = Partial<Record<string, () => void>>;
type Registration = { scope: Scope; handlers: Handlers };

// Newest registration first: an open dialog shadows the screen beneath it.
const stack: Registration[] = [];

export function register(scope: Scope, handlers: Handlers): () => void {
  const registration = { scope, handlers };
  stack.unshift(registration);
  return () => {
    const index = stack.indexOf(registration);
    if (index >= 0) stack.splice(index, 1);
  };
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'range'].includes(target.type);
  return false;
}

function focusIsFree(target: EventTarget | null): boolean {
  return !(target instanceof HTMLElement) || target === document.body || target.dataset.keyTarget === 'true';
}

function run(registration: Registration, chord: string, event: KeyboardEvent, typing: boolean): boolean {
  const { scope, handlers } = registration;
  const binding = currentKeymap().find(
    (b) => b.scope === scope && b.keys.includes(chord) && handlers[b.action],
  );
  if (!binding) return false;
  // While typing, letters belong to the field; only Esc and F1 still reach the app.
  if (typing && chord !== 'Escape' && chord !== 'F1') return false;
  if (binding.focusFree && !focusIsFree(event.target)) return false;
  event.preventDefault();
  handlers[binding.action]?.();
  return true;
}

/** The one window keydown listener; the keymap decides what a chord means in each open scope. */
export function handleKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const chord = chordOf(event);
  const typing = isEditable(event.target);
  for (const registration of stack) {
    if (run(registration, chord, event, typing)) return;
    if (registration.scope === 'dialog') {
      // A dialog shadows the screen beneath it, but not the app-wide keys.
      const global = stack.find((r) => r.scope === 'global');
      if (global) run(global, chord, event, typing);
      return;
    }
  }
}

/** For widgets that handle their own keys while focused (a list box): which action a key means there. */
export function actionFor(scope: Scope, event: KeyLike): string | null {
  const chord = chordOf(event);
  return currentKeymap().find((b) => b.scope === scope && b.keys.includes(chord))?.action ?? null;
}
