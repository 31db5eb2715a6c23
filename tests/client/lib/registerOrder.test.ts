import { describe, expect, it } from 'vitest';
import { blankPerson, type Person } from '../../../shared/people.js';
import { sortRegister, withPerson } from '../../../client/src/lib/registerOrder.js';

const p = (id: string, over: Partial<Person> = {}): Person => ({ ...blankPerson(id), ...over });

describe('sortRegister', () => {
  it('puts the subject child first, then the eldest, then those without a date of birth', () => {
    const sorted = sortRegister([
      p('a', { name: 'No Dob' }),
      p('b', { name: 'Young', dateOfBirth: '2015-01-01' }),
      p('c', { name: 'Child', dateOfBirth: '2019-03-14', isSubject: true }),
      p('d', { name: 'Old', dateOfBirth: '1970-04-18' }),
    ]);
    expect(sorted.map((x) => x.name)).toEqual(['Child', 'Old', 'Young', 'No Dob']);
  });

  it('orders people with the same date of birth, or none, by name and then id', () => {
    const sorted = sortRegister([
      p('z', { name: 'Bea' }),
      p('y', { name: 'Amy' }),
      p('x', { name: 'Amy' }),
      p('w', { name: 'Cat', dateOfBirth: '2000-01-01' }),
      p('v', { name: 'Abe', dateOfBirth: '2000-01-01' }),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['v', 'w', 'x', 'y', 'z']);
  });

  it('does not change its input and gives the same order whatever order it is given', () => {
    const people = [p('1', { name: 'B' }), p('2', { name: 'A', isSubject: true }), p('3', { name: 'C', dateOfBirth: '1990-01-01' })];
    const copy = [...people];
    const once = sortRegister(people).map((x) => x.id);
    expect(people).toEqual(copy);
    expect(sortRegister([...people].reverse()).map((x) => x.id)).toEqual(once);
  });
});

describe('withPerson', () => {
  it('adds a new person in register order', () => {
    const out = withPerson([p('1', { name: 'A', dateOfBirth: '1990-01-01' })], p('2', { name: 'B', dateOfBirth: '1980-01-01' }));
    expect(out.map((x) => x.id)).toEqual(['2', '1']);
  });

  it('replaces a person with the same id rather than listing them twice', () => {
    const out = withPerson([p('1', { name: 'Old name' }), p('2', { name: 'Other' })], p('1', { name: 'New name' }));
    expect(out.map((x) => x.name).sort()).toEqual(['New name', 'Other']);
  });
});
