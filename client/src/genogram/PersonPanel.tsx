import { forwardRef } from 'react';
import { formatUkDate } from '../../../shared/dates.js';
import {
  BIRTH_STATUS_LABELS,
  BirthStatusSchema,
  ageOf,
  describePerson,
  type BirthStatus,
  type Family,
  type FamilyPerson,
  type Relationship,
} from '../../../shared/genogram/index.js';
import { SelectField } from '../components/SelectField.js';
import { HistoryLink } from '../history/HistoryLink.js';
import { GENDER_LABELS } from '../lib/personForm.js';
import type { PresenceEntry } from '../lib/presence.js';
import { ChronologyMentions } from './ChronologyMentions.js';
import type { NameOf } from './names.js';
import { RelationshipsEditor } from './RelationshipsEditor.js';
import type { RelativeMode } from './relativeForm.js';

/** Steps of the move buttons, in drawing units. */
const NUDGE = 20;

/**
 * The selected person: who they are, what can be done from here (add a partner, child, parent or
 * sibling; edit details; add a relationship line; move without dragging), their relationships, and the
 * chronology rows that name them. The heading takes focus when a person is opened from the drawing.
 */
export const PersonPanel = forwardRef<
  HTMLHeadingElement,
  {
    person: FamilyPerson;
    family: Family;
    nameOf: NameOf;
    todayIso: string;
    reviewId: string;
    canWrite: boolean;
    others: readonly PresenceEntry[];
    onAdd(mode: RelativeMode): void;
    onEdit(): void;
    onAddLine(): void;
    onNudge(dx: number, dy: number): void;
    onBirthStatus(status: BirthStatus): void;
    onSave(rel: Relationship, done: string): void;
    onRemove(id: string, done: string): void;
    onBack(): void;
  }
>(function PersonPanel({ person, family, nameOf, todayIso, reviewId, canWrite, others, onAdd, onEdit, onAddLine, onNudge, onBirthStatus, onSave, onRemove, onBack }, headingRef) {
  const name = nameOf(person.id);
  const age = ageOf(person, todayIso);
  const households = family.households.filter((h) => h.memberIds.includes(person.id));
  const editing = others.filter((e) => !e.isSelf && e.editing === person.id);
  return (
    <div className="gg-panel__person" data-testid="genogram-person-panel">
      <h3 id="gg-person-heading" ref={headingRef} tabIndex={-1}>
        {name}
      </h3>
      <p className="gg-panel__summary">{describePerson(person, todayIso, name)}</p>
      <HistoryLink doc="people" root="people" itemKey={person.id} hiddenContext={`(${name})`}>
        History of this person
      </HistoryLink>
      {editing.length > 0 && (
        <p className="gg-panel__editing" role="status">
          Also open for {editing.map((e) => e.name).join(', ')}.
        </p>
      )}
      <dl className="summary-list summary-list--compact">
        <div>
          <dt>Gender</dt>
          <dd>{GENDER_LABELS[person.gender]}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>{person.dateOfBirth ? `${formatUkDate(person.dateOfBirth)}${age !== null && !person.dateOfDeath ? ` (age ${age})` : ''}` : 'Not recorded'}</dd>
        </div>
        {person.dateOfDeath && (
          <div>
            <dt>Date of death</dt>
            <dd>{formatUkDate(person.dateOfDeath)}</dd>
          </div>
        )}
        {households.length > 0 && (
          <div>
            <dt>Households</dt>
            <dd>{households.map((h) => h.label).join('; ')}</dd>
          </div>
        )}
      </dl>
      {canWrite && (
        <section className="gg-panel__section" aria-labelledby="gg-actions-heading">
          <h4 id="gg-actions-heading">Actions</h4>
          <div className="gg-actions">
            <button type="button" className="button button--secondary" onClick={() => onAdd('partner')}>
              Add a partner
            </button>
            <button type="button" className="button button--secondary" onClick={() => onAdd('child')}>
              Add a child
            </button>
            <button type="button" className="button button--secondary" onClick={() => onAdd('parent')}>
              Add a parent
            </button>
            <button type="button" className="button button--secondary" onClick={() => onAdd('sibling')}>
              Add a brother or sister
            </button>
            <button type="button" className="button button--secondary" onClick={onAddLine}>
              Add a relationship line
            </button>
            <button type="button" className="button button--secondary" onClick={onEdit}>
              Edit details
            </button>
          </div>
          <SelectField
            id="gg-birth-status"
            label="Birth"
            value={person.birthStatus}
            hint="A person can also stand for a pregnancy, a miscarriage or a stillbirth."
            onChange={(v) => onBirthStatus(v as BirthStatus)}
            options={BirthStatusSchema.options.map((b) => ({ value: b, label: BIRTH_STATUS_LABELS[b] }))}
          />
          <fieldset className="plain-group gg-nudge" aria-labelledby="gg-nudge-label">
            <p id="gg-nudge-label" className="gg-nudge__label">
              Move {name} on the drawing
            </p>
            <button type="button" className="button button--secondary button--small" onClick={() => onNudge(-NUDGE, 0)}>
              Left
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => onNudge(NUDGE, 0)}>
              Right
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => onNudge(0, -NUDGE)}>
              Up
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => onNudge(0, NUDGE)}>
              Down
            </button>
          </fieldset>
        </section>
      )}
      <RelationshipsEditor person={person} family={family} nameOf={nameOf} canWrite={canWrite} onSave={onSave} onRemove={onRemove} />
      <ChronologyMentions reviewId={reviewId} personId={person.id} name={name} />
      <p>
        <button type="button" className="button button--secondary button--small" onClick={onBack}>
          Back to {name} in the drawing
        </button>
      </p>
    </div>
  );
});
