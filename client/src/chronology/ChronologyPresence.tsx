import type { IntegratedRow } from '../../../shared/chronology/index.js';
import { initials, type PresenceEntry } from '../lib/presence.js';
import { rowName } from './rowDisplay.js';

const AVATAR_CLASSES = ['avatar--1', 'avatar--2', 'avatar--3', 'avatar--4', 'avatar--5', 'avatar--6'];

/** Who has the chronology open and which row each is editing; names are always written out. */
export function ChronologyPresence({ entries, rowsById }: { entries: readonly PresenceEntry[]; rowsById: ReadonlyMap<string, IntegratedRow> }) {
  const describe = (e: PresenceEntry) => {
    if (!e.editing) return null;
    const row = rowsById.get(e.editing);
    return row ? `editing the ${rowName(row)}` : 'adding a row';
  };
  return (
    <section className="presence" aria-labelledby="chronology-presence-heading">
      <h3 id="chronology-presence-heading" className="presence__heading">
        Here now
      </h3>
      {entries.length === 0 ? (
        <p className="muted">Only you.</p>
      ) : (
        <ul className="presence__list" data-testid="chronology-presence">
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
