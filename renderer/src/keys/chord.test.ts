import { describe, expect, it } from 'vitest';
import { chordOf, displayChord } from './chord';
import { defaultKeymap } from './keymap';
import { conflictFor } from './keymapStore';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('key chords', () => {
  it('names letters in lower case and keeps Shift only where it changes the meaning', () => {
    expect(chordOf(key('D', { shiftKey: true }))).toBe('Shift+d');
    expect(chordOf(key('?', { shiftKey: true }))).toBe('?');
    expect(chordOf(key('0', { ctrlKey: true }))).toBe('Ctrl+0');
    expect(chordOf(key('Tab', { shiftKey: true }))).toBe('Shift+Tab');
  });

  it('prints chords for people', () => {
    expect(displayChord('ArrowRight')).toBe('→');
    expect(displayChord('+')).toBe('+');
    expect(displayChord('Ctrl+0')).toBe('Ctrl+0');
  });

  it('never gives one key two meanings where both are live', () => {
    for (const binding of defaultKeymap) {
      for (const chord of binding.keys) {
        const other = conflictFor(defaultKeymap, binding.scope, binding.action, chord);
        expect(other, `${binding.scope} ${chord}`).toBeNull();
      }
    }
  });
});
