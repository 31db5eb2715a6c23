import type { ChronologyEntry, TeamFields } from '../../../shared/chronology/index.js';
import type { Person } from '../../../shared/people.js';
import { categoryText, childContactText, dateNote, dateText, familyContactText } from './rowDisplay.js';

/** A row's agency fields, read only, for people who may read but not change them. */
export function EntryDetails({ entry, agencyName, agencyCode, people }: { entry: ChronologyEntry; agencyName: string; agencyCode: string; people: ReadonlyMap<string, Person> }) {
  const note = dateNote(entry.date);
  const item = (term: string, value: string) => (
    <div>
      <dt>{term}</dt>
      <dd>{value.trim() ? value : <span className="muted">Not recorded</span>}</dd>
    </div>
  );
  return (
    <dl className="summary-list" data-testid="entry-details">
      {item('Agency', `${agencyCode}: ${agencyName}`)}
      {item('Date', note ? `${dateText(entry)} (${note.toLowerCase()})` : dateText(entry))}
      {item('Order within the day', String(entry.sequence))}
      {item('Category', categoryText(entry))}
      {item('Source of information', entry.source)}
      {item('Contact with the child', childContactText(entry))}
      {item('Contact with family members', familyContactText(entry, people))}
      {item('Key event or action undertaken', entry.keyEvent)}
      {item('Comment and analysis', entry.comment)}
      {item('Other information', entry.otherInfo ?? '')}
    </dl>
  );
}

/** The review team's fields, read only. */
export function TeamDetails({ team, phaseTitle }: { team: TeamFields; phaseTitle: string | null }) {
  return (
    <dl className="summary-list" data-testid="team-details">
      <div>
        <dt>Key practice learning event</dt>
        <dd>{team.keyLearning ? 'Yes' : 'No'}</dd>
      </div>
      <div>
        <dt>Workshop phase</dt>
        <dd>{team.phaseId ? (phaseTitle ?? team.phaseId) : <span className="muted">None</span>}</dd>
      </div>
      <div>
        <dt>Review team note</dt>
        <dd>{team.note || <span className="muted">None</span>}</dd>
      </div>
    </dl>
  );
}
