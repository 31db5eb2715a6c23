import { describe, expect, it } from 'vitest';
import { blankPerson, type Person } from '../../../shared/people.js';
import { normalise } from '../../../shared/pseudonymise/normalise.js';
import { findAccounts, findNhsNumbers, findPhones, findPostcodes, isValidNhsNumber } from '../../../shared/pseudonymise/identifiers.js';
import { findDatesOfBirth, registerDobs } from '../../../shared/pseudonymise/dates.js';
import { addressParts, findAddresses } from '../../../shared/pseudonymise/addresses.js';

const person = (id: string, p: Partial<Person>): Person => ({ ...blankPerson(id), ...p });
const found = (text: string, hits: { start: number; end: number }[]) => hits.map((h) => text.slice(h.start, h.end));

describe('normaliser', () => {
  it.each([
    ['Zoë', 'zoe'],
    ['ZOE\u0308', 'zoe'],
    ['O\u2019Neill', "o'neill"],
    ['O`Neill', "o'neill"],
    ['Thorn\u00ADbury', 'thornbury'],
    ['Mai\u200Bsie', 'maisie'],
    ['Thorn-\nbury', 'thornbury'],
    ['Thorn- \r\n bury', 'thornbury'],
    ['ﬁona', 'fiona'],
    ['Ｋｅｒｒｙ', 'kerry'],
    ['Łukasz', 'lukasz'],
    ['Smith-Jones', 'smith-jones'],
    ['year-\n2019', 'year-\n2019'],
  ])('%j folds to %j', (input, output) => {
    expect(normalise(input).norm).toBe(output);
  });
  it('maps a folded span back to the original', () => {
    const v = normalise('x Thorn\u00ADbury y');
    const i = v.norm.indexOf('thornbury');
    expect(v.original.slice(v.map[i]!, v.map[i + 8]! + 1)).toBe('Thorn\u00ADbury');
  });
});

describe('dates of birth', () => {
  const dobs = registerDobs([person('a', { dateOfBirth: '2015-02-01' })]);
  it.each([
    '1st of February 2015',
    'February 1, 2015',
    '01-Feb-2015',
    '2015/02/01',
    '01022015',
    '20150201',
    '01/02/2015',
    '1/2/15',
    '02/01/2015',
    '1 Feb 2015',
    'Sunday 1st February 2015',
    '2015-02-01',
    '01.02.2015',
    '1st Feb. 2015',
  ])('finds %j', (text) => {
    expect(findDatesOfBirth(normalise(text), dobs).length).toBeGreaterThan(0);
  });
  it.each(['2 February 2015', '01/03/2015', '1 February 2016', '12345678', 'in 2015'])('leaves %j', (text) => {
    expect(findDatesOfBirth(normalise(text), dobs)).toEqual([]);
  });
});

describe('NHS numbers', () => {
  it.each(['943 476 5919', '943-476-5919', '943.476.5919', '9434765919', '9434 765 919', '94 34 76 59 19', '943/476/5919'])('finds %j', (text) => {
    expect(found(text, findNhsNumbers(normalise(text)))).toEqual([text]);
  });
  it.each(['1234567890', '943 476 5918', '0123456789', '07700 900123'])('leaves %j (fails the check or is a phone)', (text) => {
    expect(findNhsNumbers(normalise(text))).toEqual([]);
  });
  it('finds a register number even when its check digit is wrong', () => {
    expect(findNhsNumbers(normalise('no 123 456 7890'), new Set(['1234567890']))).toHaveLength(1);
  });
  it('validates by modulus 11', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });
});

describe('UK phone numbers', () => {
  it.each(['07700 900123', '07700900123', '+44 7700 900123', '+44 (0)20 7946 0958', '020 7946 0958', '0161-496-0000', '(01632) 960123', '0044 7700 900123'])('finds %j', (text) => {
    expect(findPhones(normalise(`call ${text} now`))).toHaveLength(1);
  });
  it.each(['2019', '12:30', '1,234', '22 people', '0.5 mg'])('leaves %j', (text) => {
    expect(findPhones(normalise(text))).toEqual([]);
  });
});

describe('postcodes', () => {
  it.each(['NB1 4QT', 'nb1 4qt', 'NB14QT', 'Nb1  4Qt', 'SW1A 1AA', 'M1 1AE', 'b33 8th'])('finds %j', (text) => {
    expect(found(text, findPostcodes(normalise(text)))).toEqual([text]);
  });
  it.each(['at 9am', 'S47 enquiry', 'A4 pages', 'room B2', 'ED1'])('leaves %j', (text) => {
    expect(findPostcodes(normalise(text))).toEqual([]);
  });
});

describe('addresses by parts', () => {
  const parts = addressParts([person('a', { addresses: ['Flat 3, 27 Laburnum Close, Northby NB2 7RT', '12 Acacia Road, Northby'] })]);
  it.each([
    '12 Acacia Rd',
    '12 Acacia Road',
    '12, Acacia Road',
    '12 Acacia',
    'Acacia Road',
    'Acacia Ave',
    '27 Laburnum Cl',
    '27 Laburnum Cl.',
    'Flat 3, 27 Laburnum Close',
    'flat 3',
    '12A Acacia Rd',
  ])('finds %j', (text) => {
    expect(findAddresses(normalise(`at ${text} today`), parts).length).toBeGreaterThan(0);
  });
  it.each(['Northby', '12 apples', 'Laburnum tree', 'Acacia'])('leaves %j', (text) => {
    expect(findAddresses(normalise(text), parts)).toEqual([]);
  });
});

describe('emails, handles, user names and links', () => {
  const carries = (c: string) => c.includes('thornbury') || c.includes('kerry');
  it.each([
    ['kerry.t@example.com', 'email'],
    ['K.Thornbury@Example.co.uk', 'email'],
    ['@kezzaT', 'handle'],
    ['@someone_else', 'handle'],
    ['kthornbury_99', 'user-name'],
    ['facebook.com/anyone.5', 'link'],
    ['https://example.org/kerry-page', 'link'],
  ])('finds %j as %s', (text, kind) => {
    expect(findAccounts(normalise(`see ${text} please`), carries).map((h) => h.kind)).toContain(kind);
  });
  it.each(['https://www.gov.uk/guidance', 'S47', 'Year 6', 'covid_19'])('leaves %j', (text) => {
    expect(findAccounts(normalise(text), carries)).toEqual([]);
  });
});
