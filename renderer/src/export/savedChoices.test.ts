import { afterEach, describe, expect, it } from 'vitest';
import { readChoices, saveChoices } from './savedChoices';

const store = new Map<string, string>();
const storage = {
  getItem: (key: string) => store.get(key) ?? null,
  setItem: (key: string, value: string) => void store.set(key, value),
};

afterEach(() => {
  store.clear();
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('saved export choices', () => {
  it('come back as saved', () => {
    (globalThis as { localStorage?: unknown }).localStorage = storage;
    saveChoices({ format: 'mauset', reviewedOnly: true, copyImages: false });
    expect(readChoices()).toEqual({ format: 'mauset', reviewedOnly: true, copyImages: false });
  });

  it('fall back to the defaults for anything missing or not valid', () => {
    (globalThis as { localStorage?: unknown }).localStorage = storage;
    store.set(
      'mau.export.v1',
      JSON.stringify({ format: 'pascal-voc', reviewedOnly: 'yes', copyImages: true }),
    );
    expect(readChoices()).toEqual({ format: 'coco', reviewedOnly: false, copyImages: true });
    store.set('mau.export.v1', '{not json');
    expect(readChoices()).toEqual({ format: 'coco', reviewedOnly: false, copyImages: false });
  });

  it('are the defaults where there is no storage at all', () => {
    expect(readChoices()).toEqual({ format: 'coco', reviewedOnly: false, copyImages: false });
  });
});
