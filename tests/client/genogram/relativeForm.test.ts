import { describe, expect, it } from 'vitest';
import { blankRelativeForm, relativeFormToInput } from '../../../client/src/genogram/relativeForm.js';

describe('the add-a-relative form', () => {
  it('asks for a name unless the identity is not known, and then adds a placeholder', () => {
    expect(relativeFormToInput('person', null, blankRelativeForm()).errors.name).toMatch(/Enter the person's name/);
    const r = relativeFormToInput('partner', 'p1', blankRelativeForm({ unknown: true, partnership: 'ended' }));
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({ plan: { kind: 'partner', of: 'p1', partnership: 'ended' }, fields: expect.objectContaining({ name: 'Unknown' }) });
  });

  it('reads dates the en-GB way and checks death follows birth', () => {
    const ok = relativeFormToInput('child', 'p1', blankRelativeForm({ name: 'Alex', dateOfBirth: '3/4/2016', otherParent: 'couple1', link: 'foster' }));
    expect(ok.input).toEqual({
      plan: { kind: 'child', of: 'p1', partnershipId: 'couple1', link: 'foster' },
      fields: expect.objectContaining({ name: 'Alex', dateOfBirth: '2016-04-03', dateOfDeath: null }),
    });
    expect(relativeFormToInput('person', null, blankRelativeForm({ name: 'A', dateOfBirth: '31/02/2016' })).errors.dateOfBirth).toMatch(/real date/);
    expect(relativeFormToInput('person', null, blankRelativeForm({ name: 'A', dateOfBirth: '01/01/2016', dateOfDeath: '01/01/2015' })).errors.dateOfDeath).toMatch(
      /after the date of birth/,
    );
  });

  it('plans each kind of relative from the selected person', () => {
    const v = blankRelativeForm({ name: 'X', coupleWith: 'mum', parentRef: 'partnership:c1' });
    expect(relativeFormToInput('parent', 'kid', v).input!.plan).toEqual({ kind: 'parent', of: 'kid', link: 'birth', coupleWith: 'mum', partnership: 'married' });
    expect(relativeFormToInput('sibling', 'kid', v).input!.plan).toEqual({ kind: 'sibling', of: 'kid', parentRef: 'partnership:c1' });
    expect(relativeFormToInput('child', 'kid', blankRelativeForm({ name: 'X' })).input!.plan).toEqual({ kind: 'child', of: 'kid', partnershipId: null, link: 'birth' });
  });

  it('links someone already in the register instead, and asks which person', () => {
    expect(relativeFormToInput('partner', 'jo', blankRelativeForm({ who: 'existing' })).errors.existing).toMatch(/Choose the person/);
    const r = relativeFormToInput('partner', 'jo', blankRelativeForm({ who: 'existing', existing: 'sam', partnership: 'divorced' }));
    expect(r.errors).toEqual({});
    expect(r.input!.plan).toEqual({ kind: 'partner', of: 'jo', partnership: 'divorced', existingId: 'sam' });
  });
});
