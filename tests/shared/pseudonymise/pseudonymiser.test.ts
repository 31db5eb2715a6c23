import { describe, expect, it } from 'vitest';
import { blankPerson, type Person } from '../../../shared/people.js';
import { createPseudonymiser, findLeaks, ageOn, AMBIGUOUS_NAME } from '../../../shared/pseudonymise/index.js';

const person = (id: string, p: Partial<Person>): Person => ({ ...blankPerson(id), ...p });

const REGISTER: Person[] = [
  person('child', {
    name: 'Maisie Thornbury',
    relationship: 'Subject child',
    isSubject: true,
    reportLabel: 'Child M',
    dateOfBirth: '2019-03-14',
    addresses: ['12 Larch Close, Northby NB1 4QT'],
    nhsNumber: '943 476 5919',
  }),
  person('mum', { name: 'Kerry Thornbury', aliases: ['Kez'], relationship: 'Mother', reportLabel: 'Mother' }),
  person('pom', { name: 'Will Parrish-Jones', relationship: 'Partner of Mother', reportLabel: 'Partner of Mother' }),
  person('gran', { name: 'May Rose Thornbury', relationship: 'Maternal Grandmother', reportLabel: 'Maternal Grandmother' }),
  person('sib', { name: 'Zoë O\u2019Neill', relationship: 'Sibling', reportLabel: 'Sibling 1' }),
  person('dad', { name: 'Unknown', relationship: 'Father', reportLabel: 'Father' }),
];
const p = createPseudonymiser(REGISTER, 'Child M');

describe('pseudonymiser', () => {
  it.each([
    ['Kerry Thornbury attended with Maisie.', 'Mother attended with Child M.'],
    ['KERRY THORNBURY did not attend', 'Mother did not attend'],
    ['kerry said', 'Mother said'],
    ['Kerry\u2019s partner', 'Mother\u2019s partner'],
    ["Maisie's nursery", "Child M's nursery"],
    ['Kez was seen', 'Mother was seen'],
    ['(Kerry)', '(Mother)'],
    ['"Maisie,"', '"Child M,"'],
    ['Will Parrish-Jones moved in', 'Partner of Mother moved in'],
    ['Mr Parrish-Jones', 'Mr Partner of Mother'],
    ['Mr Jones', 'Mr Partner of Mother'],
    ['Will arrived; she will call back.', 'Partner of Mother arrived; she will call back.'],
    ['it may be that May visited', 'it may be that Maternal Grandmother visited'],
    ['seen in May 2019 by May', 'seen in May 2019 by Maternal Grandmother'],
    ['on 12 May the school rang', 'on 12 May the school rang'],
    ['a rose garden; Rose came', 'a rose garden; Maternal Grandmother came'],
    ["Zoë O\u2019Neill and Zoe O'Neill", 'Sibling 1 and Sibling 1'],
    ['ZOË', 'Sibling 1'],
    ['Ms Thornbury', `Ms ${AMBIGUOUS_NAME}`],
    ['KT phoned', 'Mother phoned'],
    ['K.T. phoned', 'Mother phoned'],
    ['Annual review with Anne', 'Annual review with Anne'],
    ['the father is unknown', 'the father is unknown'],
    ['Kerrys phone', 'Mothers phone'],
  ])('%s', (input, expected) => {
    expect(p.text(input)).toBe(expected);
  });

  it('removes dates of birth, addresses, postcodes, NHS numbers, phones and emails', () => {
    const out = p.text(
      'DOB 14/03/2019 (14th March 2019, 2019-03-14) of 12 Larch Close, Northby NB1 4QT; NHS 943 476 5919 / 9434765919; ' +
        'call 07700 900123 or +44 20 7946 0958; email kerry.t@example.com; moved to SW1A 1AA',
    );
    expect(out).not.toMatch(/14\/03\/2019|March 2019|2019-03-14|Larch|NB1|943|07700|7946|example\.com|SW1A/);
    expect(out).toContain('[date of birth removed]');
    expect(out).toContain('[address removed]');
    expect(out).toContain('[NHS number removed]');
    expect(out).toContain('[phone number removed]');
    expect(out).toContain('[email removed]');
    expect(out).toContain('[postcode removed]');
  });

  it('turns a date of birth in text into an age on the reference date', () => {
    const withAges = createPseudonymiser(REGISTER, 'Child M', { agesOn: '2026-11-09' });
    expect(withAges.text('Maisie (DOB 14/03/2019) was seen')).toBe('Child M (DOB [aged 7 on 09/11/2026]) was seen');
  });

  it('computes ages', () => {
    expect(ageOn('2019-03-14', '2026-03-13')).toBe(6);
    expect(ageOn('2019-03-14', '2026-03-14')).toBe(7);
  });
});

/** Synthetic families for the leak check corpus; every name is invented. */
const FIRST = ['Sarah', 'Liam', 'Chloé', 'Rose', 'Will', 'Amira', 'Jack', 'Siobhán', 'Tom', 'Grace', 'Kai', 'Ffion'];
const LAST = ['Okafor', 'Smith-Hughes', 'Nowak', "D'Souza", 'Brennan', 'Ahmed', 'Wilson', 'MacLeod', 'Evans', 'Kowalczyk'];
const SENTENCES = [
  (a: string, b: string) => `${a} took ${b} to the GP; ${a.split(' ')[0]}'s account was consistent.`,
  (a: string, b: string) => `Police attended after ${b.toUpperCase()} called about ${a.split(' ').at(-1)}.`,
  (a: string, b: string) => `School noted that ${b.split(' ')[0]!.toLowerCase()} was withdrawn; ${a} did not attend the TAF.`,
  (a: string, b: string) => `Strategy discussion: "${a}," "${b}" and the family.`,
];

describe('leak check over a generated corpus', () => {
  it('finds no leaks in pseudonymised text, and finds every planted leak in raw text (24 cases)', () => {
    let rng = 7;
    const next = (n: number) => {
      rng = (rng * 1103515245 + 12345) % 2147483648;
      return rng % n;
    };
    for (let c = 0; c < 24; c++) {
      const surname = LAST[next(LAST.length)]!;
      const a = `${FIRST[next(FIRST.length)]} ${surname}`;
      let bFirst = FIRST[next(FIRST.length)]!;
      if (a.startsWith(bFirst)) bFirst = FIRST[(FIRST.indexOf(bFirst) + 1) % FIRST.length]!;
      const b = `${bFirst} ${LAST[(LAST.indexOf(surname) + 1 + next(3)) % LAST.length]}`;
      const register = [
        person(`a${c}`, { name: a, relationship: 'Mother', dateOfBirth: '1990-02-0' + (1 + next(8)), addresses: [`${1 + next(90)} Mill Lane, Eastby EB${1 + next(9)} 2AB`] }),
        person(`b${c}`, { name: b, relationship: 'Subject child', isSubject: true }),
      ];
      const text = SENTENCES.map((s) => s(a, b)).join(' ') + ` Address ${register[0]!.addresses[0]}. DOB ${register[0]!.dateOfBirth!.split('-').reverse().join('/')}.`;
      const raw = findLeaks([{ place: 'raw', text }], register);
      expect(raw.map((l) => l.kind)).toEqual(expect.arrayContaining(['full-name', 'address', 'date-of-birth']));
      const out = createPseudonymiser(register, 'Child Z').text(text);
      expect(findLeaks([{ place: 'out', text: out }], register), `case ${c}: ${out}`).toEqual([]);
    }
  });

  it('flags a report label that is itself a real name', () => {
    const register = [person('x', { name: 'Dana Price', relationship: 'Mother', reportLabel: 'Dana' })];
    const out = createPseudonymiser(register, 'Child A').text('Dana Price attended');
    expect(findLeaks([{ place: 'p1', text: out }], register)).toEqual([{ place: 'p1', kind: 'first-name', personId: 'x' }]);
  });
});
