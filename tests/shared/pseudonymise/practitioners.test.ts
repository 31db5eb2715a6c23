import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blankPerson, type Person } from '../../../shared/people.js';
import { practitionerLabel, practitionersAsPeople, type Practitioner } from '../../../shared/practitioners.js';
import { readPractitioners, removePractitioner, writePractitioner, PRACTITIONERS_MAP } from '../../../shared/chronology/practitionersDoc.js';
import { createPseudonymiser, findLeaks, AMBIGUOUS_NAME } from '../../../shared/pseudonymise/index.js';

const CSC = 'agencyCSC000000000001';
const HV = 'agencyHV0000000000001';
const codes = new Map([
  [CSC, 'CSC'],
  [HV, 'HV'],
]);
const practitioner = (id: string, agencyId: string, name: string, role: string): Practitioner => ({ id: `practitioner${id.padStart(8, '0')}`, agencyId, name, role });
const PRACTITIONERS = [
  practitioner('1', CSC, 'Janet Okafor', 'Social Worker'),
  practitioner('2', HV, 'Bethany Lowe', 'Health Visitor'),
  practitioner('3', HV, 'Priya Thornbury', 'Student Health Visitor'),
];
const FAMILY: Person[] = [
  { ...blankPerson('child'), name: 'Maisie Thornbury', relationship: 'Subject child', isSubject: true, reportLabel: 'Child M' },
  { ...blankPerson('mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' },
];
const register = [...FAMILY, ...practitionersAsPeople(PRACTITIONERS, codes)];
const p = createPseudonymiser(register, 'Child M');

describe('practitioners in exports', () => {
  it('labels a practitioner by role and agency', () => {
    expect(practitionerLabel({ role: 'Social Worker' }, 'CSC')).toBe('Social Worker (CSC)');
    expect(practitionerLabel({ role: 'Social Worker' })).toBe('Social Worker');
  });

  it.each([
    ['Janet Okafor', 'Social Worker (CSC)'],
    ['Seen alone by JANET OKAFOR at school', 'Seen alone by Social Worker (CSC) at school'],
    ['Janet\u2019s assessment', 'Social Worker (CSC)\u2019s assessment'],
    ['Ms Okafor rang Kerry', 'Ms Social Worker (CSC) rang Mother'],
    ['Bethany Lowe and Janet Okafor visited Maisie', 'Health Visitor (HV) and Social Worker (CSC) visited Child M'],
    ['BL noted bruising', 'Health Visitor (HV) noted bruising'],
  ])('replaces %j with the role', (input, output) => {
    expect(p.text(input)).toBe(output);
  });

  it('treats a surname shared with the family as ambiguous rather than guessing', () => {
    expect(p.text('Priya Thornbury visited')).toBe('Student Health Visitor (HV) visited');
    expect(p.text('Thornbury')).toBe(AMBIGUOUS_NAME);
  });

  it('the leak check finds a practitioner name left in outgoing text', () => {
    const leaks = findLeaks([{ place: 'body', text: 'The plan was agreed with bethany lowe.' }], register);
    expect(leaks.map((l) => l.personId)).toContain('practitioner:practitioner00000002');
    expect(findLeaks([{ place: 'body', text: p.text('The plan was agreed with bethany lowe.') }], register)).toEqual([]);
  });
});

describe('practitioners doc', () => {
  it('writes, reads in name order, updates and removes an agency\u2019s practitioners', () => {
    const doc = new Y.Doc();
    writePractitioner(doc, PRACTITIONERS[1]!);
    writePractitioner(doc, { ...PRACTITIONERS[2]!, agencyId: HV });
    expect(readPractitioners(doc, HV).map((x) => x.name)).toEqual(['Bethany Lowe', 'Priya Thornbury']);
    writePractitioner(doc, { ...PRACTITIONERS[1]!, role: 'Specialist Health Visitor' });
    expect(readPractitioners(doc, HV)[0]!.role).toBe('Specialist Health Visitor');
    removePractitioner(doc, PRACTITIONERS[1]!.id);
    expect(readPractitioners(doc, HV).map((x) => x.name)).toEqual(['Priya Thornbury']);
  });

  it('skips entries a crafted update left invalid and takes the agency from the doc, not the entry', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(PRACTITIONERS_MAP);
    map.set('practitioner00000009', 'not a map');
    const blank = new Y.Map<unknown>();
    map.set('practitioner00000010', blank);
    blank.set('name', '');
    blank.set('role', 'Nurse');
    const forged = new Y.Map<unknown>();
    map.set('practitioner00000011', forged);
    forged.set('name', 'Sam Reid');
    forged.set('role', 'Nurse');
    forged.set('agencyId', CSC);
    expect(readPractitioners(doc, HV)).toEqual([{ id: 'practitioner00000011', agencyId: HV, name: 'Sam Reid', role: 'Nurse' }]);
  });

  it('refuses to write a practitioner without a name or role', () => {
    expect(() => writePractitioner(new Y.Doc(), { ...PRACTITIONERS[0]!, role: ' ' })).toThrow();
  });
});
