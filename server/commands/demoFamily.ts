import type { Person } from '../../shared/people.js';
import type { PartnerType } from '../../shared/schemas/records.js';

/**
 * The fictional demo family and agencies. Every name, date and address here is invented; the review
 * is flagged `fictional` and the UI says so on every page of it.
 */
export const DEMO_AGENCIES: { name: string; shortCode: string; partnerType: PartnerType }[] = [
  { name: 'Northby Council Children\u2019s Social Care', shortCode: 'CSC', partnerType: 'local-authority' },
  { name: 'Northby Police', shortCode: 'POL', partnerType: 'police' },
  { name: 'Northby Integrated Care Board', shortCode: 'ICB', partnerType: 'health-icb' },
  { name: 'Riverside GP Practice', shortCode: 'GP', partnerType: 'health-icb' },
  { name: 'Northby Primary School', shortCode: 'SCH', partnerType: 'education' },
  { name: 'Northby Housing Association', shortCode: 'HSG', partnerType: 'other' },
];

type DemoPerson = Omit<Person, 'id' | 'aliases' | 'addresses' | 'nhsNumber' | 'notes' | 'ethnicity'> & Partial<Person>;

/** Ten fictional people: the subject child, parents, a partner, siblings and grandparents. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    name: 'Maisie Thornbury',
    relationship: 'Subject child',
    dateOfBirth: '2019-03-14',
    dateOfDeath: null,
    gender: 'female',
    isSubject: true,
    reportLabel: 'Child M',
    addresses: ['12 Larch Close, Northby NB1 4QT'],
    nhsNumber: '943 476 5919',
  },
  { name: 'Kerry Thornbury', aliases: ['Kez'], relationship: 'Mother', dateOfBirth: '1996-07-02', dateOfDeath: null, gender: 'female', isSubject: false, reportLabel: 'Mother' },
  { name: 'Dean Walsh', relationship: 'Father', dateOfBirth: '1993-11-20', dateOfDeath: null, gender: 'male', isSubject: false, reportLabel: 'Father' },
  { name: 'Lee Parrish', relationship: 'Partner of Mother', dateOfBirth: '1990-01-09', dateOfDeath: null, gender: 'male', isSubject: false, reportLabel: 'Partner of Mother' },
  { name: 'Tyler Thornbury', relationship: 'Sibling', dateOfBirth: '2015-05-30', dateOfDeath: null, gender: 'male', isSubject: false, reportLabel: 'Sibling 1' },
  { name: 'Ruby Parrish', relationship: 'Half-sibling', dateOfBirth: '2022-09-01', dateOfDeath: null, gender: 'female', isSubject: false, reportLabel: 'Half-sibling 1' },
  {
    name: 'Janet Thornbury',
    relationship: 'Maternal Grandmother',
    dateOfBirth: '1970-04-18',
    dateOfDeath: null,
    gender: 'female',
    isSubject: false,
    reportLabel: 'Maternal Grandmother',
  },
  {
    name: 'Graham Thornbury',
    relationship: 'Maternal Grandfather',
    dateOfBirth: '1968-12-05',
    dateOfDeath: '2021-02-11',
    gender: 'male',
    isSubject: false,
    reportLabel: 'Maternal Grandfather',
  },
  {
    name: 'Sandra Walsh',
    relationship: 'Paternal Grandmother',
    dateOfBirth: '1972-08-23',
    dateOfDeath: null,
    gender: 'female',
    isSubject: false,
    reportLabel: 'Paternal Grandmother',
  },
  {
    name: 'Unknown',
    relationship: 'Father of Sibling 1',
    dateOfBirth: null,
    dateOfDeath: null,
    gender: 'unknown',
    isSubject: false,
    reportLabel: 'Father of Sibling 1',
    notes: 'Not known to agencies.',
  },
];
