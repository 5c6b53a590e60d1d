/** A key event as one comparable string: 'Ctrl+0', 'Shift+Tab', 'd', '?', 'Space'. */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export function chordOf(event: KeyLike): string {
  let key = event.key === ' ' ? 'Space' : event.key;
  if (key.length === 1) key = key.toLowerCase();
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  // Shift is part of '?' or '+' themselves; it only counts for letters and named keys.
  if (event.shiftKey && (key.length > 1 || /[a-z]/.test(key))) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

const names: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** How a chord is printed on the shortcut sheet and in tooltips. */
export function displayChord(chord: string): string {
  if (chord === '+') return '+';
  return chord
    .split('+')
    .map((part) => (part === '' ? '+' : (names[part] ?? (part.length === 1 ? part.toUpperCase() : part))))
    .join('+');
}
