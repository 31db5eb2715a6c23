import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/roles.js';
import { tabVisibleTo, WORKSPACE_TABS } from '../../../client/src/workspace/tabs.js';

describe('the Report tab', () => {
  it('is listed, labelled "Report", and shown only to the lead reviewer and the review team', () => {
    expect(WORKSPACE_TABS.find((t) => t.id === 'report')?.label).toBe('Report');
    expect(ROLES.filter((r) => tabVisibleTo('report', r))).toEqual(['lead-reviewer', 'review-team']);
  });

  it('leaves sections without a rule visible to every role', () => {
    for (const r of ROLES) expect(tabVisibleTo('overview', r), r).toBe(true);
  });
});
