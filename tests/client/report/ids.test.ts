import { describe, expect, it } from 'vitest';
import { isSlug, MAX_ID_CHARS, newIdSalt, nextId } from '../../../client/src/report/ids.js';

describe('nextId', () => {
  it('ends a new id with its salt, so two co-authors adding at once get different ids, and counts salted ids too', () => {
    expect(nextId('lp', ['lp-1'], 'a1b2c3')).toBe('lp-2-a1b2c3');
    expect(nextId('lp', ['lp-2-a1b2c3', 'lp-1'], 'zz9zz9')).toBe('lp-3-zz9zz9');
    expect(nextId('lp', ['lp-2-a1b2c3'])).toBe('lp-3');
    const salts = new Set(Array.from({ length: 50 }, () => newIdSalt()));
    expect(salts.size).toBe(50);
    for (const salt of salts) {
      expect(salt).toMatch(/^[a-z0-9]{6}$/);
      expect(isSlug(nextId('recommendation', [], salt))).toBe(true);
    }
  });

  it('starts at 1 and goes one past the highest number under the prefix', () => {
    expect(nextId('theme', [])).toBe('theme-1');
    expect(nextId('theme', ['theme-1', 'theme-2'])).toBe('theme-3');
    expect(nextId('theme', ['theme-4', 'theme-2'])).toBe('theme-5');
  });

  it('does not hand out a removed item\u2019s id while a higher one is in use', () => {
    // theme-2 was removed; a new theme must not become theme-2 again.
    expect(nextId('theme', ['theme-1', 'theme-3'])).toBe('theme-4');
  });

  it('ignores ids of other prefixes and ids that only look alike', () => {
    expect(nextId('lp', ['rec-9', 'lp-x', 'lpx-3', 'theme-7'])).toBe('lp-1');
    expect(nextId('rec', ['rec-2', 'rec-2a', 'rec-10'])).toBe('rec-11');
  });

  it('always gives an id the draft schema accepts, even after a hand-made draft with huge numbers', () => {
    const huge = `theme-${'9'.repeat(33)}`;
    const id = nextId('theme', [huge, 'theme-1']);
    expect(id).toBe('theme-2');
    expect(isSlug(id)).toBe(true);
    expect(id.length).toBeLessThanOrEqual(MAX_ID_CHARS);
  });

  it('never returns an id that is taken', () => {
    const taken = ['lp-1', 'lp-2', 'lp-3'];
    for (let i = 0; i < 5; i++) {
      const id = nextId('lp', taken);
      expect(taken).not.toContain(id);
      taken.push(id);
    }
    expect(taken.slice(3)).toEqual(['lp-4', 'lp-5', 'lp-6', 'lp-7', 'lp-8']);
  });
});

describe('isSlug', () => {
  it('accepts the schema\u2019s slugs and refuses anything else', () => {
    expect(isSlug('theme-1')).toBe(true);
    expect(isSlug('a'.repeat(40))).toBe(true);
    expect(isSlug('a'.repeat(41))).toBe(false);
    expect(isSlug('Theme-1')).toBe(false);
    expect(isSlug('')).toBe(false);
    expect(isSlug('théme')).toBe(false);
  });
});
