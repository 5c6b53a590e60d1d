import { beforeEach, describe, expect, it } from 'vitest';
import { useKeymap } from './keymapStore';

describe('remapping keys', () => {
  beforeEach(() => useKeymap.getState().reset());

  it('moves an action to a free key', () => {
    expect(useKeymap.getState().setKeys('viewer', 'confirm', ['k'])).toEqual({ ok: true });
    const confirm = useKeymap.getState().keymap.find((b) => b.action === 'confirm');
    expect(confirm?.keys).toEqual(['k']);
  });

  it('refuses a key another live action uses, naming that action', () => {
    const result = useKeymap.getState().setKeys('viewer', 'confirm', ['x']);
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/x is already used by “Mark the selected prediction a false positive”/),
    });
    expect(useKeymap.getState().setKeys('review', 'nextUnreviewed', ['d'])).toMatchObject({
      ok: false,
      message: /Next image/,
    });
    expect(useKeymap.getState().setKeys('viewer', 'confirm', ['F1'])).toMatchObject({
      ok: false,
      message: /Everywhere/,
    });
  });

  it('allows the same key on screens that are never live together', () => {
    expect(useKeymap.getState().setKeys('browser', 'import', ['c'])).toEqual({ ok: true });
  });
});
