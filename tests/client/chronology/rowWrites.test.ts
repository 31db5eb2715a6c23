import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blankEntry, blankTeamFields, readEntries, readTeamFields, writeEntry, writeTeamFields, type ChronologyEntry } from '../../../shared/chronology/index.js';
import { removeRow, writeRowEdit } from '../../../client/src/chronology/rowWrites.js';

const ID = 'EEEEEEEEEEEEEEEEEEEEEE';
const AGENCY = 'AAAAAAAAAAAAAAAAAAAAAA';
const entry = (over: Partial<ChronologyEntry> = {}): ChronologyEntry => ({
  ...blankEntry(ID, AGENCY, { precision: 'day', year: 2019, month: 3, day: 12, uncertainty: 'none' }),
  keyEvent: 'Visit',
  ...over,
});

describe('writeRowEdit', () => {
  it('adds a new row to the agency document', () => {
    const doc = new Y.Doc();
    writeRowEdit({
      isNew: true,
      id: ID,
      agencyId: AGENCY,
      opened: entry(),
      openedTeam: blankTeamFields(),
      entry: entry({ keyEvent: 'New' }),
      team: null,
      agencyDoc: doc,
      teamDoc: null,
      currentEntry: null,
      currentTeam: null,
    });
    expect(readEntries(doc, AGENCY)).toEqual([entry({ keyEvent: 'New' })]);
  });

  it('keeps a colleague’s concurrent change to another field, in the row and in the team fields', () => {
    const doc = new Y.Doc();
    const team = new Y.Doc();
    const opened = entry({ comment: 'old' });
    writeEntry(doc, AGENCY, { ...opened, source: 'GP record (theirs)' });
    writeTeamFields(team, ID, { ...blankTeamFields(), note: 'Their note' });
    writeRowEdit({
      isNew: false,
      id: ID,
      agencyId: AGENCY,
      opened,
      openedTeam: blankTeamFields(),
      entry: { ...opened, comment: 'mine' },
      team: { ...blankTeamFields(), keyLearning: true },
      agencyDoc: doc,
      teamDoc: team,
      currentEntry: readEntries(doc, AGENCY)[0]!,
      currentTeam: readTeamFields(team).get(ID)!,
    });
    expect(readEntries(doc, AGENCY)[0]).toMatchObject({ source: 'GP record (theirs)', comment: 'mine' });
    expect(readTeamFields(team).get(ID)).toEqual({ keyLearning: true, phaseId: null, note: 'Their note' });
  });

  it('writes nothing to the team document when the team fields did not change', () => {
    const team = new Y.Doc();
    let updates = 0;
    team.on('update', () => {
      updates += 1;
    });
    writeRowEdit({
      isNew: false,
      id: ID,
      agencyId: AGENCY,
      opened: entry(),
      openedTeam: blankTeamFields(),
      entry: null,
      team: blankTeamFields(),
      agencyDoc: null,
      teamDoc: team,
      currentEntry: null,
      currentTeam: null,
    });
    expect(updates).toBe(0);
  });

  it('refuses, with a message, when the agency document is not open, and an entry the schema refuses', () => {
    expect(() =>
      writeRowEdit({
        isNew: true,
        id: ID,
        agencyId: AGENCY,
        opened: entry(),
        openedTeam: blankTeamFields(),
        entry: entry(),
        team: null,
        agencyDoc: null,
        teamDoc: null,
        currentEntry: null,
        currentTeam: null,
      }),
    ).toThrow(/not open yet/);
    expect(() =>
      writeRowEdit({
        isNew: true,
        id: ID,
        agencyId: AGENCY,
        opened: entry(),
        openedTeam: blankTeamFields(),
        entry: entry({ time: '25:00' }),
        team: null,
        agencyDoc: new Y.Doc(),
        teamDoc: null,
        currentEntry: null,
        currentTeam: null,
      }),
    ).toThrow();
  });
});

describe('removeRow', () => {
  it('removes the row and, when given, its team fields', () => {
    const doc = new Y.Doc();
    const team = new Y.Doc();
    writeEntry(doc, AGENCY, entry());
    writeTeamFields(team, ID, { ...blankTeamFields(), keyLearning: true });
    removeRow(doc, team, ID);
    expect(readEntries(doc, AGENCY)).toEqual([]);
    expect(readTeamFields(team).size).toBe(0);
  });
});
