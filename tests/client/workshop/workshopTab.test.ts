import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/roles.js';
import { isWorkspaceTab, tabVisibleTo, WORKSPACE_TABS } from '../../../client/src/workspace/tabs.js';

describe('the Workshop tab', () => {
  it('is a workspace section labelled "Workshop", linked only for the lead reviewer and the review team', () => {
    expect(WORKSPACE_TABS.find((t) => t.id === 'workshop')?.label).toBe('Workshop');
    expect(isWorkspaceTab('workshop')).toBe(true);
    expect(ROLES.filter((r) => tabVisibleTo('workshop', r))).toEqual(['lead-reviewer', 'review-team']);
  });
});
