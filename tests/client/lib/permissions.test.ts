import { describe, expect, it } from 'vitest';
import { canCreateReview } from '../../../client/src/lib/permissions.js';

describe('canCreateReview (mirrors POST /api/reviews)', () => {
  it('allows a partnership admin, even with no memberships', () => {
    expect(canCreateReview({ user: { isAdmin: true }, memberships: [] })).toBe(true);
  });

  it('allows someone who leads any review', () => {
    expect(canCreateReview({ user: { isAdmin: false }, memberships: [{ role: 'observer' }, { role: 'lead-reviewer' }] })).toBe(true);
  });

  it('refuses everyone else', () => {
    expect(canCreateReview({ user: { isAdmin: false }, memberships: [] })).toBe(false);
    expect(canCreateReview({ user: { isAdmin: false }, memberships: [{ role: 'review-team' }, { role: 'agency-author' }, { role: 'observer' }] })).toBe(false);
  });
});
