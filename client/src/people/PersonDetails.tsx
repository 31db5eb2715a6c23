import type { Person } from '../../../shared/people.js';
import { GENDER_LABELS } from '../lib/personForm.js';
import { showDate } from '../lib/labels.js';
import { HistoryLink } from '../history/HistoryLink.js';

/** Every field of one person, read-only, for members who may view but not change the register. */
export function PersonDetails({ person, onClose }: { person: Person; onClose(): void }) {
  const list = (items: readonly string[]) =>
    items.length === 0 ? (
      'None recorded'
    ) : (
      <ul className="plain-list">
        {items.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of plain strings with no ids, in order; an item's position is its identity
          <li key={i}>{x}</li>
        ))}
      </ul>
    );
  return (
    <>
      <HistoryLink doc="people" root="people" itemKey={person.id}>
        History of this person
      </HistoryLink>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{person.name || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Also known as</dt>
          <dd>{list(person.aliases)}</dd>
        </div>
        <div>
          <dt>Relationship to the child</dt>
          <dd>{person.relationship || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Subject child</dt>
          <dd>{person.isSubject ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>{showDate(person.dateOfBirth)}</dd>
        </div>
        <div>
          <dt>Date of death</dt>
          <dd>{showDate(person.dateOfDeath)}</dd>
        </div>
        <div>
          <dt>Gender</dt>
          <dd>{GENDER_LABELS[person.gender]}</dd>
        </div>
        <div>
          <dt>Ethnicity</dt>
          <dd>{person.ethnicity || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Addresses</dt>
          <dd>{list(person.addresses)}</dd>
        </div>
        <div>
          <dt>NHS number</dt>
          <dd>{person.nhsNumber || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Report label</dt>
          <dd>{person.reportLabel || 'Not set'}</dd>
        </div>
        <div>
          <dt>Notes</dt>
          <dd className="pre-wrap">{person.notes || 'None'}</dd>
        </div>
      </dl>
      <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
        Close
      </button>
    </>
  );
}
