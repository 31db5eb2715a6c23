import { describe, expect, it } from 'vitest';
import { blankPerson } from '../../../shared/people.js';
import {
  NOT_COMPLETED,
  ageOn,
  childBackground,
  conclusionPhrase,
  documentText,
  emptyRapidReview,
  emptyTermsOfReference,
  familyTable,
  emptyScopingForm,
  panelLetterDocument,
  periodText,
  rapidReviewDocument,
  scopingDigest,
  scopingDocument,
  termsOfReferenceDocument,
} from '../../../shared/lifecycle/index.js';

const agencies = [
  { id: 'pol', name: 'Northby Police', partnerType: 'police' as const },
  { id: 'icb', name: 'Northby ICB', partnerType: 'health-icb' as const },
  { id: 'csc', name: 'Northby Council', partnerType: 'local-authority' as const },
];
const people = [
  { ...blankPerson('m'), name: 'Kerry Smith', relationship: 'Mother', addresses: ['1 High St', '2 Low St'], notes: 'Known to adult mental health.' },
  { ...blankPerson('x'), name: '', relationship: 'Sibling' },
  { ...blankPerson('s'), name: 'Lily Smith', relationship: 'Sibling', dateOfBirth: '2018-01-01' },
  {
    ...blankPerson('c'),
    name: 'Maisie Smith',
    isSubject: true,
    relationship: '',
    dateOfBirth: '2019-03-14',
    dateOfDeath: '2026-10-28',
    gender: 'female' as const,
    aliases: ['Mai'],
  },
];

describe('family table from the people register', () => {
  it('puts the subject child first, then the usual order of relationships, and leaves out nameless entries', () => {
    const rows = familyTable(people);
    expect(rows.map((r) => r.name)).toEqual(['Maisie Smith (also known as Mai)', 'Kerry Smith', 'Lily Smith']);
    expect(rows[0]).toMatchObject({ relationship: 'Subject child', otherInformation: 'Died 28/10/2026.' });
    expect(rows[1]!.addresses).toEqual(['1 High St', '2 Low St']);
  });

  it('gives the child’s age on the day of the incident', () => {
    expect(ageOn('2019-03-14', '2026-03-13')).toBe(6);
    expect(ageOn('2019-03-14', '2026-03-14')).toBe(7);
    expect(ageOn('2019-03-14', null)).toBeNull();
    expect(childBackground(people, '2026-10-28')).toEqual({
      name: 'Maisie Smith',
      dateOfBirthAndAge: '14/03/2019 (7 years old at the incident)',
      ethnicity: 'Not recorded',
      gender: 'Female',
    });
    expect(childBackground([], null).name).toBe('Not in the people register');
  });
});

describe('the covering letter to the National Panel', () => {
  const base = { partnership: 'Northby SCP', review: { title: 'RR-7', referralDate: '2026-11-02' }, agencies, todayIso: '2026-11-20' };
  const participants = (ids: string[]) => ids.map((agencyId) => ({ name: `P ${agencyId}`, role: '', agencyId }));

  it('chooses the template’s alternatives: quorate, and the recommendation', () => {
    const c = { ...emptyRapidReview(), participants: participants(['pol', 'icb', 'csc']), recommendation: 'a' as const };
    const text = documentText(panelLetterDocument({ ...base, content: c }));
    expect(text).toContain('received notification of a serious incident which may meet the criteria for a child safeguarding practice review on 02/11/2026');
    expect(text).toContain(
      'This Rapid Review included a representative from each of the Safeguarding Partners and concluded that the case meets the criteria for a national Child Safeguarding Practice Review.',
    );
    expect(text).toContain('Date: 20/11/2026');
    expect(text).toContain('Dear Chair of the Child Safeguarding Practice Review Panel,');
  });

  it('says so when the meeting was not quorate, and marks what is not recorded', () => {
    const c = { ...emptyRapidReview(), participants: participants(['icb', 'csc']) };
    const text = documentText(panelLetterDocument({ ...base, review: { title: 'RR-7', referralDate: null }, content: c }));
    expect(text).toContain('did not include a representative from the police');
    expect(text).toContain('[the recommendation has not been recorded]');
    expect(text).toContain('[date of notification]');
    expect(text).toContain('[name]');
  });

  it('has a phrase for every recommendation', () => {
    expect(conclusionPhrase({ recommendation: 'd', otherReviewType: 'a Domestic Homicide Review' })).toBe(
      'does not meet the criteria for a Child Safeguarding Practice Review but warrants consideration of a Domestic Homicide Review',
    );
    for (const r of ['a', 'b', 'c', 'd', 'e'] as const) expect(conclusionPhrase({ recommendation: r, otherReviewType: '' })).toMatch(/criteria|further review/);
    expect(conclusionPhrase({ recommendation: null, otherReviewType: '' })).toBeNull();
  });
});

describe('the Rapid Review template', () => {
  it('has every section of Document 4, the quorum in words, and shows gaps as "Not completed"', () => {
    const c = { ...emptyRapidReview(), participants: [{ name: 'DI Jones', role: 'DI', agencyId: 'pol' }], criteria: ['cross-boundary' as const] };
    const doc = rapidReviewDocument({
      partnership: 'Northby SCP',
      review: { title: 'RR-7', referralDate: '2026-11-02' },
      content: c,
      agencies,
      people,
      scoping: scopingDigest([]),
    });
    const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'Background information',
      'Section 1: Case background',
      'Section 2: Consideration of case, criteria and guidance',
      'Section 3: Recommendation',
      'Sign off',
      'Appendix: initial scoping and information sharing returns',
    ]);
    const text = documentText(doc);
    expect(text).toContain('Not quorate: no participant from the ICB (health) and the local authority.');
    expect(text).toContain(NOT_COMPLETED);
    expect(text).toContain('1 High St\n2 Low St');
    const ticks = doc.blocks
      .flatMap((b) => (b.kind === 'checklist' ? b.items : []))
      .filter((i) => i.checked)
      .map((i) => i.label);
    expect(ticks).toEqual(['More than one local authority, police area or Integrated Care Board is involved, including in cases where families have moved around']);
    expect(doc.title).toBe('Rapid Review');
  });
});

describe('the terms of reference', () => {
  it('numbers its sections 1 to 9 and states the period as DD/MM/YYYY', () => {
    const doc = termsOfReferenceDocument({
      review: { title: 'RR-7', periodStart: '2025-01-01', periodEnd: '2026-10-28' },
      content: { ...emptyTermsOfReference(), keyLinesOfEnquiry: ['Why?'] },
    });
    const sections = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(sections.map((s) => s.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(documentText(doc)).toContain('01/01/2025 to 28/10/2026');
    expect(periodText(null, '2026-10-28')).toBe('not set to 28/10/2026');
    expect(periodText(null, null)).toBe('');
  });
});

describe('an agency’s scoping letter and form', () => {
  const input = {
    partnership: 'Northby SCP',
    agency: { name: 'Northby A&E', shortCode: 'A&E' },
    review: { title: 'RR-7', periodStart: null, periodEnd: null },
    returnBy: '2026-11-09',
    people,
    form: { ...emptyScopingForm(), summaryOfInvolvement: 'Seen twice.' },
    todayIso: '2026-11-03',
  };
  it('prefills the family composition and states the return date', () => {
    const doc = scopingDocument(input);
    const text = documentText(doc);
    expect(text).toContain('In this case this will be 09/11/2026.');
    expect(text).toContain('Maisie Smith (also known as Mai)');
    expect(text).toContain('Seen twice.');
    expect(doc.filename).toBe('scoping-a-e.docx');
  });
  it('leaves a visible gap when the return date is not known', () => {
    expect(documentText(scopingDocument({ ...input, returnBy: null }))).toContain('In this case this will be [submission date].');
  });
});
