import { describe, expect, it } from 'vitest';
import { DEFECT_PALETTE } from '../../../electron/core/store';
import { tempProjects } from './helpers';

const temp = tempProjects();

describe('taxonomy', () => {
  it('gives each new defect type its own colour and the next free hotkey', () => {
    const { store } = temp.newProject();
    const names = ['scratch', 'pitting', 'dent', 'crack', 'stain', 'burr', 'rust', 'chip', 'bend', 'hole'];
    const types = names.map((name) => store.ensureDefectType(name));
    expect(types.map((t) => t.hotkey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', null]);
    expect(new Set(types.map((t) => t.color)).size).toBe(names.length);
    for (const type of types) expect(type.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('returns the existing type when an import names it again', () => {
    const { store } = temp.newProject();
    const first = store.ensureDefectType('scratch', 'ball-screw');
    expect(store.ensureDefectType(' scratch ')).toEqual(first);
    expect(first).toMatchObject({ name: 'scratch', category: 'ball-screw', rule: '' });
    expect(store.taxonomy().defectTypes).toHaveLength(1);
    expect(() => store.ensureDefectType('  ')).toThrow(/needs a name/);
  });

  it('reuses the least used colour once the palette runs out', () => {
    const { store } = temp.newProject();
    const types = Array.from({ length: DEFECT_PALETTE.length + 2 }, (_, i) =>
      store.ensureDefectType(`type-${i}`),
    );
    expect(new Set(types.slice(0, DEFECT_PALETTE.length).map((t) => t.color)).size).toBe(
      DEFECT_PALETTE.length,
    );
    expect(types.at(-2)?.color).toBe(DEFECT_PALETTE[0]);
    expect(types.at(-1)?.color).toBe(DEFECT_PALETTE[1]);
  });

  it('files product categories under their domains, and loose categories under "unsorted"', () => {
    const { store } = temp.newProject();
    store.ensureDomainCategory('metal', 'ball-screw');
    store.ensureDomainCategory('electronics', 'pcb');
    store.ensureDomainCategory('metal', 'steel-strip');
    store.ensureDomainCategory('metal', 'ball-screw');
    store.ensureDomainCategory(null, 'capsule');
    store.ensureDomainCategory('textile', null);
    store.ensureDefectType('short');
    store.ensureDefectType('open');
    const taxonomy = store.taxonomy();
    expect(taxonomy.domains).toEqual([
      { name: 'electronics', categories: ['pcb'] },
      { name: 'metal', categories: ['ball-screw', 'steel-strip'] },
      { name: 'textile', categories: [] },
      { name: 'unsorted', categories: ['capsule'] },
    ]);
    expect(taxonomy.defectTypes.map((t) => [t.name, t.hotkey])).toEqual([
      ['short', '1'],
      ['open', '2'],
    ]);
  });
});
