import { describe, expect, it } from 'vitest';
import { ORG_CHANGES_NO_AGENCIES, agenciesEmptyText, evidenceEmptyText } from '../../../client/src/lib/emptyStates.js';

describe('empty states say what to do first', () => {
  it('tells the lead reviewer to add agencies, and others who does', () => {
    expect(agenciesEmptyText('lead-reviewer')).toMatch(/Add each agency taking part with the form below/);
    expect(agenciesEmptyText('review-team')).toMatch(/The lead reviewer adds them/);
    expect(agenciesEmptyText('observer')).not.toMatch(/form below/);
  });

  it('sends everyone to the agencies first when there are none, then by role', () => {
    expect(evidenceEmptyText({ role: 'lead-reviewer', mayRequest: true, agencyCount: 0 })).toMatch(/Add the agencies taking part on the Agencies page first/);
    expect(evidenceEmptyText({ role: 'lead-reviewer', mayRequest: true, agencyCount: 2 })).toMatch(/Use Request evidence below/);
    expect(evidenceEmptyText({ role: 'agency-author', mayRequest: false, agencyCount: 2 })).toMatch(/from your agency/);
    expect(evidenceEmptyText({ role: 'observer', mayRequest: false, agencyCount: 2 })).toMatch(/review team send the requests/);
    expect(ORG_CHANGES_NO_AGENCIES).toMatch(/Agencies page first/);
  });
});
