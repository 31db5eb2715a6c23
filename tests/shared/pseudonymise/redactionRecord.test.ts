import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/roles.js';
import { canReviewRedactions, findingId, RedactionDecisionsBodySchema, createPipeline } from '../../../shared/pseudonymise/index.js';
import { blankPerson } from '../../../shared/people.js';

describe('redaction review rules', () => {
  it('lets only the lead reviewer decide', () => {
    expect(ROLES.filter(canReviewRedactions)).toEqual(['lead-reviewer']);
  });

  it('validates decisions: a replacement is needed to change one, unknown keys and actions are refused', () => {
    expect(RedactionDecisionsBodySchema.safeParse({ decisions: [{ id: 'nickname-abc', action: 'replace', replacement: 'Aunt' }] }).success).toBe(true);
    expect(RedactionDecisionsBodySchema.safeParse({ decisions: [{ id: 'nickname-abc', action: 'replace' }] }).success).toBe(false);
    expect(RedactionDecisionsBodySchema.safeParse({ decisions: [{ id: 'nickname-abc', action: 'delete' }] }).success).toBe(false);
    expect(RedactionDecisionsBodySchema.safeParse({ decisions: [{ id: 'nickname-abc', action: 'accept', extra: 1 }] }).success).toBe(false);
    expect(RedactionDecisionsBodySchema.safeParse({ decisions: [] }).success).toBe(false);
  });

  it('gives a finding the same id wherever and however its text is written', () => {
    expect(findingId('titled-name', 'Okoro')).toBe(findingId('titled-name', 'OKORO'));
    expect(findingId('titled-name', 'Okoro')).not.toBe(findingId('speech-name', 'Okoro'));
  });

  it('applies each decision: accept, replace, not identifying, redact', () => {
    const people = [{ ...blankPerson('m'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' }];
    const text = 'Dr Okoro saw Kerry; Liz said so.';
    const first = createPipeline(people, 'Child A').analyse(text).findings;
    const okoro = first.find((f) => text.slice(f.start, f.end) === 'Okoro')!;
    const kerry = first.find((f) => text.slice(f.start, f.end) === 'Kerry')!;
    const liz = first.find((f) => text.slice(f.start, f.end) === 'Liz')!;
    expect([okoro.flag, okoro.decided, kerry.flag]).toEqual([true, false, false]);
    const decided = createPipeline(people, 'Child A', {
      decisions: [
        { id: okoro.id, action: 'replace', replacement: 'the doctor' },
        { id: liz.id, action: 'redact' },
        { id: kerry.id, action: 'accept' },
      ],
    });
    expect(decided.text(text)).toBe('Dr the doctor saw Mother; [redacted] said so.');
    expect(createPipeline(people, 'Child A', { allowlist: ['Okoro'] }).text(text)).toBe('Dr Okoro saw Mother; [name removed] said so.');
  });
});
