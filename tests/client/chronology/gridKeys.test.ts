import { describe, expect, it } from 'vitest';
import { keyToNavAction, navigateRows, reconcileActive, type NavAction } from '../../../client/src/chronology/gridKeys.js';

describe('keyToNavAction', () => {
  it('maps the arrow, page and Home/End keys', () => {
    expect(keyToNavAction({ key: 'ArrowUp' })).toEqual({ type: 'prev' });
    expect(keyToNavAction({ key: 'ArrowDown' })).toEqual({ type: 'next' });
    expect(keyToNavAction({ key: 'PageUp' })).toEqual({ type: 'pagePrev' });
    expect(keyToNavAction({ key: 'PageDown' })).toEqual({ type: 'pageNext' });
    expect(keyToNavAction({ key: 'Home' })).toEqual({ type: 'first' });
    expect(keyToNavAction({ key: 'End' })).toEqual({ type: 'last' });
  });

  it('leaves Enter, Escape, Tab, letters and modified keys to the browser', () => {
    for (const key of ['Enter', 'Escape', 'Tab', ' ', 'a', 'ArrowLeft', 'ArrowRight']) expect(keyToNavAction({ key })).toBeNull();
    expect(keyToNavAction({ key: 'ArrowDown', altKey: true })).toBeNull();
    expect(keyToNavAction({ key: 'ArrowDown', metaKey: true })).toBeNull();
    expect(keyToNavAction({ key: 'ArrowDown', shiftKey: true })).toBeNull();
  });
});

describe('navigateRows', () => {
  const go = (from: number, type: NavAction['type'], count = 100, page = 10) => navigateRows(from, { type } as NavAction, count, page);

  it('moves one row, and stops at either end', () => {
    expect(go(5, 'next')).toBe(6);
    expect(go(5, 'prev')).toBe(4);
    expect(go(0, 'prev')).toBe(0);
    expect(go(99, 'next')).toBe(99);
  });

  it('moves a page, and stops at either end', () => {
    expect(go(5, 'pageNext')).toBe(15);
    expect(go(15, 'pagePrev')).toBe(5);
    expect(go(95, 'pageNext')).toBe(99);
    expect(go(3, 'pagePrev')).toBe(0);
  });

  it('jumps to the first and last rows', () => {
    expect(go(50, 'first')).toBe(0);
    expect(go(50, 'last')).toBe(99);
  });

  it('starts from a valid row when the active index is out of range, and gives -1 for no rows', () => {
    expect(go(-1, 'next')).toBe(1);
    expect(go(500, 'prev')).toBe(98);
    expect(go(0, 'next', 0)).toBe(-1);
    expect(go(0, 'pageNext', 100, 0)).toBe(1);
  });
});

describe('reconcileActive', () => {
  it('finds the active row where it now is', () => {
    expect(reconcileActive(['a', 'b', 'c'], 'c', 0)).toBe(2);
  });

  it('falls back to the old position, clamped, when the row is not listed', () => {
    expect(reconcileActive(['a', 'b', 'c'], 'gone', 1)).toBe(1);
    expect(reconcileActive(['a', 'b'], 'gone', 7)).toBe(1);
    expect(reconcileActive(['a', 'b'], null, -1)).toBe(0);
    expect(reconcileActive([], 'a', 3)).toBe(-1);
  });
});
