import type { DefectType } from '../../../electron/contract';

export type KeyedType = DefectType & {
  key: string | null;
  /** Not labelled on this image's category (false when the category's types are not known). */
  elsewhere: boolean;
};

const KEYS = 9;

/**
 * The defect types in the order the palette shows them, each with the digit that sets it. On an
 * image whose category has labelled types, those come first and take 1–9 (in taxonomy order, so
 * a category's keys stay put as its counts change): in a project of several products a steel
 * reviewer's six types are one key each, where the project-wide keys gave two of them keys and
 * left four to the list. Without that knowledge the taxonomy's own keys apply.
 */
export function keyedTypes(
  types: readonly DefectType[],
  usedHere: readonly string[] | undefined,
): KeyedType[] {
  if (!usedHere || usedHere.length === 0)
    return types.map((t) => ({ ...t, key: t.hotkey, elsewhere: false }));
  const here = new Set(usedHere);
  const ordered = [...types.filter((t) => here.has(t.name)), ...types.filter((t) => !here.has(t.name))];
  return ordered.map((t, i) => ({
    ...t,
    key: i < KEYS ? String(i + 1) : null,
    elsewhere: !here.has(t.name),
  }));
}
