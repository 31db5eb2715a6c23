import { describe, expect, it } from 'vitest';
import { checkQuorum, joinWithAnd, quorumSentence } from '../../../shared/lifecycle/index.js';

const agencies = [
  { id: 'pol', partnerType: 'police' as const },
  { id: 'icb', partnerType: 'health-icb' as const },
  { id: 'csc', partnerType: 'local-authority' as const },
  { id: 'sch', partnerType: 'education' as const },
  { id: 'gp', partnerType: 'other' as const },
];

describe('Rapid Review quorum (ICB, police and local authority)', () => {
  it('is quorate with one participant from each safeguarding partner, counting each partner', () => {
    const q = checkQuorum([{ agencyId: 'pol' }, { agencyId: 'icb' }, { agencyId: 'csc' }, { agencyId: 'csc' }, { agencyId: 'sch' }], agencies);
    expect(q).toEqual({ quorate: true, counts: { 'health-icb': 1, police: 1, 'local-authority': 2 }, missing: [], unknownAgencyParticipants: 0 });
    expect(quorumSentence(q)).toMatch(/^Quorate/);
  });

  it('names the missing partner when the police are absent', () => {
    const q = checkQuorum([{ agencyId: 'icb' }, { agencyId: 'csc' }, { agencyId: 'sch' }, { agencyId: 'gp' }], agencies);
    expect(q.quorate).toBe(false);
    expect(q.missing).toEqual(['police']);
    expect(quorumSentence(q)).toBe(
      'Not quorate: no participant from the police. A Rapid Review needs at least one participant each from the ICB, the police and the local authority.',
    );
  });

  it('goes by the agency’s partner type, not by the agency’s name or by other partners being numerous', () => {
    const named = [
      { id: 'x', partnerType: 'other' as const },
      { id: 'y', partnerType: 'education' as const },
    ];
    const q = checkQuorum([{ agencyId: 'x' }, { agencyId: 'y' }, { agencyId: 'y' }], named);
    expect(q.missing).toEqual(['health-icb', 'police', 'local-authority']);
    expect(quorumSentence(q)).toContain('no participant from the ICB (health), the police and the local authority');
  });

  it('does not count participants listed under an agency the review does not have', () => {
    const q = checkQuorum([{ agencyId: 'pol' }, { agencyId: 'icb' }, { agencyId: 'gone' }], agencies);
    expect(q.quorate).toBe(false);
    expect(q.missing).toEqual(['local-authority']);
    expect(q.unknownAgencyParticipants).toBe(1);
  });

  it('is not quorate with nobody there', () => {
    expect(checkQuorum([], agencies)).toMatchObject({ quorate: false, missing: ['health-icb', 'police', 'local-authority'] });
  });

  it('joins names the British way', () => {
    expect(joinWithAnd([])).toBe('');
    expect(joinWithAnd(['a'])).toBe('a');
    expect(joinWithAnd(['a', 'b'])).toBe('a and b');
    expect(joinWithAnd(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
