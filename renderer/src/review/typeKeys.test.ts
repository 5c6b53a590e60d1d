import { describe, expect, it } from 'vitest';
import type { DefectType } from '../../../electron/contract';
import { keyedTypes } from './typeKeys';

// a project of three products, typed in import order: the taxonomy gave the first nine keys
const names = [
  'pitting',
  'open',
  'mousebite',
  'short',
  'spur',
  'copper',
  'pin-hole',
  'crazing',
  'inclusion',
].concat(['patches', 'pitted_surface', 'rolled-in_scale', 'scratches']);
const taxonomy: DefectType[] = names.map((name, i) => ({
  id: (i + 1) as DefectType['id'],
  name,
  category: '',
  color: '#336699',
  hotkey: i < 9 ? String(i + 1) : null,
  rule: '',
}));
const keyOf = (list: ReturnType<typeof keyedTypes>) => Object.fromEntries(list.map((t) => [t.name, t.key]));

describe('digit keys for the defect types of the image on screen', () => {
  it('uses the taxonomy’s keys where the category’s types are not known', () => {
    expect(keyOf(keyedTypes(taxonomy, undefined))).toMatchObject({
      pitting: '1',
      inclusion: '9',
      patches: null,
    });
    expect(keyOf(keyedTypes(taxonomy, []))).toMatchObject({ crazing: '8', scratches: null });
  });

  it('gives a category’s own types 1, 2, … in taxonomy order, whatever their counts', () => {
    const steel = keyedTypes(taxonomy, [
      'scratches',
      'patches',
      'crazing',
      'inclusion',
      'rolled-in_scale',
      'pitted_surface',
    ]);
    expect(steel.slice(0, 6).map((t) => `${t.key} ${t.name}`)).toEqual([
      '1 crazing',
      '2 inclusion',
      '3 patches',
      '4 pitted_surface',
      '5 rolled-in_scale',
      '6 scratches',
    ]);
    // the other products' types follow: three more keys, then none
    expect(steel.slice(6, 9).map((t) => `${t.key} ${t.name}`)).toEqual([
      '7 pitting',
      '8 open',
      '9 mousebite',
    ]);
    expect(steel.slice(9).every((t) => t.key === null)).toBe(true);
    expect(steel.map((t) => t.elsewhere)).toEqual(names.map((_, i) => i >= 6));
    expect(steel).toHaveLength(taxonomy.length);
  });

  it('keeps the project’s keys for a category that uses every type', () => {
    expect(keyOf(keyedTypes(taxonomy, names))).toEqual(keyOf(keyedTypes(taxonomy, undefined)));
  });
});
