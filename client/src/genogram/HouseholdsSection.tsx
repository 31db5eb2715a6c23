import type { Family, Household } from '../../../shared/genogram/index.js';
import type { NameOf } from './names.js';

/** The households drawn, with buttons to add, change or remove them for those who may write. */
export function HouseholdsSection({
  family,
  nameOf,
  canWrite,
  onEdit,
  onAdd,
  onRemove,
}: {
  family: Family;
  nameOf: NameOf;
  canWrite: boolean;
  onEdit(h: Household): void;
  onAdd(): void;
  onRemove(h: Household): void;
}) {
  return (
    <section className="gg-households" aria-labelledby="gg-households-heading">
      <h3 id="gg-households-heading">Households</h3>
      <p>Who lives with whom, drawn as an outline round them. A person can be in more than one household.</p>
      {family.households.length === 0 && <p className="muted">No households drawn yet.</p>}
      <ul className="gg-rel-list">
        {family.households.map((h) => (
          <li key={h.id}>
            <p>
              <strong>{h.label}</strong>: {h.memberIds.length > 0 ? h.memberIds.map(nameOf).join(', ') : 'no one yet'}
            </p>
            {canWrite && (
              <span className="button-row">
                <button type="button" className="button button--secondary button--small" onClick={() => onEdit(h)}>
                  Change<span className="visually-hidden"> {h.label}</span>
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => onRemove(h)}>
                  Remove<span className="visually-hidden"> {h.label}</span>
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <button type="button" className="button button--secondary" onClick={onAdd} disabled={family.people.length === 0}>
          Add a household
        </button>
      )}
    </section>
  );
}
