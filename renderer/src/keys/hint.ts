import { displayChord } from './chord';
import type { Scope } from './keymap';
import { keyOf } from './keymapStore';

/** "Verdict OK (O)": a tooltip that follows the user's own key map. */
export function withKey(label: string, action: string, scope: Scope = 'viewer'): string {
  const chord = keyOf(scope, action);
  return chord ? `${label} (${displayChord(chord)})` : label;
}

/** The key itself, for the small key caps next to buttons. */
export function keyCap(action: string, scope: Scope = 'viewer'): string {
  const chord = keyOf(scope, action);
  return chord ? displayChord(chord) : '';
}
