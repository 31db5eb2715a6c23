import { describe, expect, it } from 'vitest';
import { INVITATION_TTL_MS } from '../../shared/limits.js';
import { invitationSentAt, invitationState, mayManageInvitations, mayRemoveMember, mayRevokeInvitation, removalRefusal } from '../../shared/membership.js';
import { ROLES } from '../../shared/roles.js';

const now = new Date('2026-12-03T12:00:00.000Z');
const inv = (over: Partial<{ acceptedAt: string | null; expiresAt: string; revokedAt: string | null; createdAt: string }> = {}) => ({
  acceptedAt: null,
  expiresAt: '2026-12-05T12:00:00.000Z',
  ...over,
});

describe('membership policies', () => {
  it('let only the lead reviewer remove members and manage invitations', () => {
    expect(ROLES.filter(mayRemoveMember)).toEqual(['lead-reviewer']);
    expect(ROLES.filter(mayManageInvitations)).toEqual(['lead-reviewer']);
  });

  it('never remove the last lead reviewer', () => {
    expect(removalRefusal({ role: 'lead-reviewer' }, 1)).toBe('last-lead');
    expect(removalRefusal({ role: 'lead-reviewer' }, 2)).toBeNull();
    expect(removalRefusal({ role: 'observer' }, 1)).toBeNull();
  });
});

describe('invitation state', () => {
  it('is pending until it expires, then expired from the expiry instant on', () => {
    expect(invitationState(inv(), now)).toBe('pending');
    expect(invitationState(inv({ expiresAt: now.toISOString() }), now)).toBe('expired');
    expect(invitationState(inv({ expiresAt: '2026-12-03T11:59:59.999Z' }), now)).toBe('expired');
  });

  it('is accepted once used, whatever else, and revoked over expired', () => {
    expect(invitationState(inv({ acceptedAt: '2026-12-01T00:00:00.000Z', expiresAt: '2026-12-02T00:00:00.000Z' }), now)).toBe('accepted');
    expect(invitationState(inv({ revokedAt: '2026-12-01T00:00:00.000Z', expiresAt: '2026-12-02T00:00:00.000Z' }), now)).toBe('revoked');
    expect(invitationState(inv({ revokedAt: null }), now)).toBe('pending');
  });

  it('may be revoked only while pending', () => {
    expect(mayRevokeInvitation(inv(), now)).toBe(true);
    expect(mayRevokeInvitation(inv({ acceptedAt: '2026-12-01T00:00:00.000Z' }), now)).toBe(false);
    expect(mayRevokeInvitation(inv({ revokedAt: '2026-12-01T00:00:00.000Z' }), now)).toBe(false);
    expect(mayRevokeInvitation(inv({ expiresAt: '2026-12-01T00:00:00.000Z' }), now)).toBe(false);
  });

  it('is dated by when it was sent, or its expiry less the link lifetime for older records', () => {
    expect(invitationSentAt(inv({ createdAt: '2026-11-30T09:00:00.000Z' }))).toBe('2026-11-30T09:00:00.000Z');
    const expiresAt = '2026-12-05T12:00:00.000Z';
    expect(invitationSentAt(inv({ expiresAt }))).toBe(new Date(Date.parse(expiresAt) - INVITATION_TTL_MS).toISOString());
    expect(invitationSentAt(inv({ expiresAt }))).toBe('2026-11-28T12:00:00.000Z');
  });
});
