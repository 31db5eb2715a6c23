import { describe, expect, it } from 'vitest';
import { WORKSPACE_STAGES, WORKSPACE_TABS, nextStep } from '../../../client/src/workspace/tabs.js';

describe('workspace stages', () => {
  it('puts every section in a stage, in the order a review runs', () => {
    const stages = WORKSPACE_STAGES.map((s) => s.id);
    for (const t of WORKSPACE_TABS) expect(stages).toContain(t.stage);
    const order = WORKSPACE_TABS.map((t) => stages.indexOf(t.stage));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(WORKSPACE_TABS.filter((t) => t.stage === 'set-up').map((t) => t.id)).toEqual(['overview', 'agencies', 'members', 'people']);
  });

  it('says to add agencies first, and what that blocks, then nothing once there are some', () => {
    expect(nextStep({ agencyCount: 0, role: 'lead-reviewer' })).toMatchObject({ tab: 'agencies', text: 'Add the agencies taking part.' });
    expect(nextStep({ agencyCount: 0, role: 'review-team' })!.text).toMatch(/The lead reviewer adds/);
    expect(nextStep({ agencyCount: 0, role: 'lead-reviewer' })!.blocks).toMatch(/chronology/);
    expect(nextStep({ agencyCount: 2, role: 'lead-reviewer' })).toBeNull();
  });
});
