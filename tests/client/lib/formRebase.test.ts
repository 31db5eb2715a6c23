import { describe, expect, it } from 'vitest';
import { rebaseForm } from '../../../client/src/lib/formRebase.js';

describe('rebaseForm', () => {
  const base = { keyEvent: 'Visit', comment: 'old', source: 'Notes' };
  it('shows a colleague’s change to a field this person has not touched, and writes nothing for it', () => {
    const r = rebaseForm(base, { ...base, source: 'Case notes' }, { ...base, keyEvent: 'Visit – corrected by police' });
    expect(r.values).toEqual({ keyEvent: 'Visit – corrected by police', comment: 'old', source: 'Case notes' });
    expect(r.refreshed).toEqual(['keyEvent']);
    expect(r.conflicts).toEqual([]);
  });

  it('flags a field both changed differently, keeping what was typed', () => {
    const r = rebaseForm(base, { ...base, comment: 'mine' }, { ...base, comment: 'theirs' });
    expect(r.values.comment).toBe('mine');
    expect(r.conflicts).toEqual(['comment']);
  });

  it('is no conflict when both typed the same', () => {
    const r = rebaseForm(base, { ...base, comment: 'same' }, { ...base, comment: 'same' });
    expect(r).toEqual({ values: { ...base, comment: 'same' }, refreshed: [], conflicts: [] });
  });
});
