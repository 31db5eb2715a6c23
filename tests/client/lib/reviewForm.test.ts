import { describe, expect, it } from 'vitest';
import { MAX_LABEL_CHARS } from '../../../shared/limits.js';
import { EMPTY_REVIEW_FORM, validateReviewForm, type ReviewFormValues } from '../../../client/src/lib/reviewForm.js';

const v = (over: Partial<ReviewFormValues>): ReviewFormValues => ({ ...EMPTY_REVIEW_FORM, kind: 'rapid-review', title: 'RR-1', childPseudonym: 'Child A', ...over });

describe('validateReviewForm', () => {
  it('asks for kind, title and pseudonym on an empty form, in field order', () => {
    const { errors, body } = validateReviewForm(EMPTY_REVIEW_FORM);
    expect(body).toBeNull();
    expect(errors).toEqual({
      kind: 'Select the kind of review',
      title: 'Enter a title or reference for the review',
      childPseudonym: "Enter the child's pseudonym, for example Child A",
    });
  });

  it('builds the POST /api/reviews body with ISO dates and no empty optional fields', () => {
    expect(validateReviewForm(v({ title: '  RR-2026-014 ', childPseudonym: ' Child M ' })).body).toEqual({ title: 'RR-2026-014', kind: 'rapid-review', childPseudonym: 'Child M' });
    expect(validateReviewForm(v({ kind: 'lcspr', referralDate: '9/11/2026', periodStart: '14/03/2019', periodEnd: '02/11/2026' })).body).toEqual({
      title: 'RR-1',
      kind: 'lcspr',
      childPseudonym: 'Child A',
      referralDate: '2026-11-09',
      periodStart: '2019-03-14',
      periodEnd: '2026-11-02',
    });
  });

  it('refuses dates that do not exist, naming the field and the DD/MM/YYYY format', () => {
    const { errors, body } = validateReviewForm(v({ referralDate: '29/02/2025', periodStart: 'March', periodEnd: '31/04/2024' }));
    expect(body).toBeNull();
    expect(errors).toEqual({
      referralDate: 'Referral or notification date must be a real date, written as DD/MM/YYYY',
      periodStart: 'Start of the period under review must be a real date, written as DD/MM/YYYY',
      periodEnd: 'End of the period under review must be a real date, written as DD/MM/YYYY',
    });
    expect(validateReviewForm(v({ referralDate: '29/02/2024' })).body?.referralDate).toBe('2024-02-29');
  });

  it('refuses a period that ends before it starts, and accepts a one-day period', () => {
    expect(validateReviewForm(v({ periodStart: '02/01/2024', periodEnd: '01/01/2024' })).errors.periodEnd).toBe(
      'End of the period under review must be the same as or after its start',
    );
    expect(validateReviewForm(v({ periodStart: '01/01/2024', periodEnd: '01/01/2024' })).body).not.toBeNull();
  });

  it('allows an open-ended period', () => {
    expect(validateReviewForm(v({ periodStart: '01/01/2024' })).body).toMatchObject({ periodStart: '2024-01-01' });
    expect(validateReviewForm(v({ periodEnd: '01/01/2024' })).body).toMatchObject({ periodEnd: '2024-01-01' });
  });

  it('enforces the shared label limit', () => {
    const long = 'x'.repeat(MAX_LABEL_CHARS + 1);
    expect(Object.keys(validateReviewForm(v({ title: long, childPseudonym: long })).errors)).toEqual(['title', 'childPseudonym']);
    expect(validateReviewForm(v({ title: 'x'.repeat(MAX_LABEL_CHARS) })).body).not.toBeNull();
  });
});
