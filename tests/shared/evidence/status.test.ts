import { describe, expect, it } from 'vitest';
import { applyEvidenceAction, availableEvidenceActions, evidenceRefusal, type EvidenceActor, type EvidenceState } from '../../../shared/evidence/index.js';

/** The evidence state machine and who may take each step (seed 002 §8.3–8.7). */

const A = 'agency-a-0000000000';
const B = 'agency-b-0000000000';
const author: EvidenceActor = { role: 'agency-author', agencyId: A };
const seniorLead: EvidenceActor = { role: 'agency-author', agencyId: A, seniorLead: { designation: 'Head of Safeguarding' } };
const otherLead: EvidenceActor = { role: 'agency-author', agencyId: B, seniorLead: { designation: 'Named Nurse' } };
const team: EvidenceActor = { role: 'review-team', agencyId: null };
const lead: EvidenceActor = { role: 'lead-reviewer', agencyId: null };
const observer: EvidenceActor = { role: 'observer', agencyId: null };
const at = (status: EvidenceState['status'], endorsed = false, openQueries = 0): EvidenceState => ({ status, endorsed, openQueries });

describe('evidence state machine', () => {
  it('walks requested → in progress → submitted → returned → submitted → accepted', () => {
    let s = at('requested');
    const step = (actor: EvidenceActor, action: Parameters<typeof applyEvidenceAction>[1], reason = '') => {
      expect(evidenceRefusal(actor, A, s, action, reason)).toBeNull();
      s = { ...s, ...applyEvidenceAction(s, action) };
    };
    step(author, 'start');
    expect(s).toMatchObject({ status: 'in-progress', endorsed: false });
    step(seniorLead, 'endorse');
    step(author, 'submit');
    expect(s.status).toBe('submitted');
    step(team, 'return', 'Section 3 does not address the second key line of enquiry.');
    expect(s).toMatchObject({ status: 'returned', endorsed: false });
    expect(evidenceRefusal(author, A, s, 'submit')).toBe('not-endorsed');
    step(seniorLead, 'endorse');
    step(author, 'submit');
    step(lead, 'accept');
    expect(s.status).toBe('accepted');
  });

  it('needs the senior lead’s endorsement before submission', () => {
    expect(evidenceRefusal(author, A, at('in-progress'), 'submit')).toBe('not-endorsed');
    expect(evidenceRefusal(author, A, at('in-progress', true), 'submit')).toBeNull();
  });

  it('lets only the agency’s own senior lead endorse', () => {
    expect(evidenceRefusal(author, A, at('in-progress'), 'endorse')).toBe('not-senior-lead');
    expect(evidenceRefusal(otherLead, A, at('in-progress'), 'endorse')).toBe('other-agency');
    expect(evidenceRefusal(team, A, at('in-progress'), 'endorse')).toBe('role');
    expect(evidenceRefusal(seniorLead, A, at('in-progress', true), 'endorse')).toBe('already-endorsed');
    expect(evidenceRefusal(seniorLead, A, at('submitted', true), 'endorse')).toBe('already-endorsed');
    expect(evidenceRefusal(seniorLead, A, at('accepted', false), 'endorse')).toBe('wrong-status');
  });

  it('blocks acceptance while queries are open', () => {
    expect(evidenceRefusal(team, A, at('submitted', true, 2), 'accept')).toBe('open-queries');
    expect(evidenceRefusal(team, A, at('submitted', true, 0), 'accept')).toBeNull();
  });

  it('requires reasons to return a submission', () => {
    expect(evidenceRefusal(team, A, at('submitted', true), 'return', '   ')).toBe('reason-required');
  });

  it('keeps other agencies, observers and agency authors out of the review team’s steps', () => {
    expect(evidenceRefusal({ role: 'agency-author', agencyId: B }, A, at('requested'), 'start')).toBe('other-agency');
    expect(evidenceRefusal(observer, A, at('requested'), 'start')).toBe('role');
    expect(evidenceRefusal(observer, A, at('submitted', true), 'accept')).toBe('role');
    expect(evidenceRefusal(author, A, at('submitted', true), 'accept')).toBe('role');
    expect(evidenceRefusal(team, A, at('in-progress', true), 'submit')).toBe('role');
  });

  it('refuses steps out of order', () => {
    expect(evidenceRefusal(team, A, at('in-progress', true), 'accept')).toBe('wrong-status');
    expect(evidenceRefusal(author, A, at('accepted', true), 'submit')).toBe('wrong-status');
    expect(evidenceRefusal(team, A, at('accepted', true), 'reopen')).toBeNull();
    expect(applyEvidenceAction(at('accepted', true), 'reopen')).toEqual({ status: 'in-progress', endorsed: false });
  });

  it('lists the buttons each member may press', () => {
    expect(availableEvidenceActions(seniorLead, A, at('in-progress'))).toEqual(['endorse']);
    expect(availableEvidenceActions(author, A, at('in-progress', true))).toEqual(['submit']);
    expect(availableEvidenceActions(team, A, at('submitted', true))).toEqual(['return', 'accept']);
    expect(availableEvidenceActions(observer, A, at('submitted', true))).toEqual([]);
  });
});
