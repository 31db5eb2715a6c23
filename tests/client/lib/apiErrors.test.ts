import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../client/src/api/ApiRequestError.js';
import { formErrorsFromApi, issuesOf } from '../../../client/src/lib/apiErrors.js';

const IDS = { title: 'review-title', childPseudonym: 'review-pseudonym', shortCode: 'agency-code' };

describe('formErrorsFromApi', () => {
  it('links each field the server names in details.fields (the documented envelope) to that field', () => {
    const err = new ApiRequestError(400, 'invalid', 'The request body is not valid: title too long; childPseudonym required.', {
      fields: [
        { path: 'title', message: 'is too long' },
        { path: 'childPseudonym', message: 'is required' },
        { path: 'other', message: 'x' },
      ],
    });
    expect(formErrorsFromApi(err, IDS, { title: 'Title or reference' }, 'review-title')).toEqual([
      { fieldId: 'review-title', message: 'Title or reference: is too long' },
      { fieldId: 'review-pseudonym', message: 'is required' },
    ]);
  });

  it('links an error code the form knows to its field', () => {
    const err = new ApiRequestError(409, 'duplicate-short-code', 'Another agency in this review already uses the short code POL.');
    expect(formErrorsFromApi(err, IDS, {}, 'review-title', { 'duplicate-short-code': 'shortCode' })).toEqual([
      { fieldId: 'agency-code', message: 'Another agency in this review already uses the short code POL.' },
    ]);
  });

  it("falls back to the server's message once, on the fallback field, when no field matches", () => {
    const err = new ApiRequestError(403, 'forbidden', 'Only a partnership admin or a lead reviewer can create a review.');
    expect(formErrorsFromApi(err, IDS, {}, 'review-title')).toEqual([{ fieldId: 'review-title', message: err.message }]);
    const unmapped = new ApiRequestError(400, 'invalid', 'Bad.', { fields: [{ path: 'nope', message: 'x' }] });
    expect(formErrorsFromApi(unmapped, IDS, {}, null)).toEqual([{ fieldId: null, message: 'Bad.' }]);
  });

  it("shows any other error's message, or a generic one", () => {
    expect(formErrorsFromApi(new Error('Network down'), IDS)).toEqual([{ fieldId: null, message: 'Network down' }]);
    expect(formErrorsFromApi('weird', IDS)).toEqual([{ fieldId: null, message: 'Something went wrong. Please try again.' }]);
  });
});

describe('issuesOf', () => {
  it('reads details.fields, details.issues and a bare list, with string or array paths', () => {
    expect(issuesOf({ fields: [{ path: 'a.b', message: 'm1' }] })).toEqual([{ field: 'a', message: 'm1' }]);
    expect(issuesOf({ issues: [{ path: ['c', 0], message: 'm2' }] })).toEqual([{ field: 'c', message: 'm2' }]);
    expect(issuesOf([{ path: 'd', message: 'm3' }])).toEqual([{ field: 'd', message: 'm3' }]);
  });

  it('skips malformed entries and shapes it does not know', () => {
    expect(issuesOf({ fields: [null, 1, { path: '', message: 'x' }, { path: 'a' }, { path: 'b', message: 2 }] })).toEqual([]);
    for (const d of [undefined, null, 'x', 5, {}, { fields: 'no' }]) expect(issuesOf(d)).toEqual([]);
  });
});
