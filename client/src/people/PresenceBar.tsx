import type { Person } from '../../../shared/people.js';
import { initials, type PresenceEntry } from '../lib/presence.js';

const AVATAR_CLASSES = ['avatar--1', 'avatar--2', 'avatar--3', 'avatar--4', 'avatar--5', 'avatar--6'];

/**
 * Who has the document open and what each is editing; names are always written out, never only
 * initials. By default `editing` names a person of the register; `describe` words it for other documents.
 */
export function PresenceBar({
  entries,
  people = [],
  describe: describeEditing,
}: {
  entries: readonly PresenceEntry[];
  people?: readonly Person[];
  describe?(editing: string): string;
}) {
  const describe = (e: PresenceEntry) => {
    if (!e.editing) return null;
    if (describeEditing) return describeEditing(e.editing);
    const person = people.find((p) => p.id === e.editing);
    return person ? `editing ${person.reportLabel || person.name || 'a person'}` : 'adding a person';
  };
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h3 id="presence-heading" className="presence__heading">
        Here now
      </h3>
      {entries.length === 0 ? (
        <p className="muted">Only you.</p>
      ) : (
        <ul className="presence__list" data-testid="presence-list">
          {entries.map((e) => {
            const doing = describe(e);
            return (
              <li key={e.clientId} className="presence__item">
                <span className={`avatar ${AVATAR_CLASSES[e.clientId % AVATAR_CLASSES.length]}`} aria-hidden="true">
                  {initials(e.name)}
                </span>
                <span>
                  <span className="presence__name">
                    {e.name}
                    {e.isSelf && ' (you)'}
                  </span>
                  {doing && <span className="presence__doing"> – {doing}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
