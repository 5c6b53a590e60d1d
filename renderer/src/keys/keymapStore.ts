import { create } from 'zustand';
import { defaultKeymap, scopesOverlap, scopeTitle, type Binding, type Scope } from './keymap';

const STORAGE_KEY = 'mau.keymap.v1';

/** `${scope}:${action}` → the chords the user chose instead of the shipped ones. */
type Overrides = Record<string, string[]>;

const id = (scope: Scope, action: string) => `${scope}:${action}`;

function readOverrides(): Overrides {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Overrides = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value;
    }
    return out;
  } catch {
    return {};
  }
}

export function applyOverrides(defaults: Binding[], overrides: Overrides): Binding[] {
  return defaults.map((binding) => {
    const keys = overrides[id(binding.scope, binding.action)];
    return keys ? { ...binding, keys } : binding;
  });
}

/** The binding that already uses `chord` where `scope`'s keys are live, other than the one being set. */
export function conflictFor(keymap: Binding[], scope: Scope, action: string, chord: string): Binding | null {
  return (
    keymap.find(
      (b) =>
        !(b.scope === scope && b.action === action) &&
        b.keys.includes(chord) &&
        scopesOverlap(b.scope, scope),
    ) ?? null
  );
}

export const conflictMessage = (chord: string, other: Binding): string =>
  `${chord} is already used by “${other.label}” (${scopeTitle[other.scope]}). Change that one first.`;

type KeymapStore = {
  keymap: Binding[];
  overrides: Overrides;
  /** Sets one binding's chords; refuses a chord another live binding uses, naming it. */
  setKeys(scope: Scope, action: string, keys: string[]): { ok: true } | { ok: false; message: string };
  reset(): void;
};

export const useKeymap = create<KeymapStore>((set, get) => {
  const overrides = readOverrides();
  const save = (next: Overrides) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // private mode or full storage: the change holds for this session
    }
    set({ overrides: next, keymap: applyOverrides(defaultKeymap, next) });
  };
  return {
    overrides,
    keymap: applyOverrides(defaultKeymap, overrides),
    setKeys(scope, action, keys) {
      for (const chord of keys) {
        const other = conflictFor(get().keymap, scope, action, chord);
        if (other) return { ok: false, message: conflictMessage(chord, other) };
      }
      const shipped = defaultKeymap.find((b) => b.scope === scope && b.action === action);
      const next = { ...get().overrides };
      if (shipped && shipped.keys.join(' ') === keys.join(' ')) delete next[id(scope, action)];
      else next[id(scope, action)] = keys;
      save(next);
      return { ok: true };
    },
    reset() {
      save({});
    },
  };
});

/** The live table (shipped keys with the user's changes). */
export const currentKeymap = (): Binding[] => useKeymap.getState().keymap;

/** First chord of an action, for tooltips: "Verdict OK (O)". */
export function keyOf(scope: Scope, action: string): string | undefined {
  return currentKeymap().find((b) => b.scope === scope && b.action === action)?.keys[0];
}
