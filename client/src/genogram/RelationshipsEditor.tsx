import { useState } from 'react';
import {
  CHILD_LINK_LABELS,
  ChildLinkKindSchema,
  LINE_LABELS,
  PARTNERSHIP_LABELS,
  PartnershipKindSchema,
  childLinksOf,
  parentLinksOf,
  partnersOf,
  siblingsOf,
  type ChildLink,
  type Family,
  type FamilyPerson,
  type Relationship,
} from '../../../shared/genogram/index.js';
import { newId } from '../../../shared/ids.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { SelectField } from '../components/SelectField.js';
import { HistoryLink } from '../history/HistoryLink.js';
import type { NameOf } from './names.js';

/**
 * A person's relationships, each with its kind and, for those who may write, a way to change or
 * remove it. Changes are written at once and can be undone.
 */
export function RelationshipsEditor({
  person,
  family,
  nameOf,
  canWrite,
  onSave,
  onRemove,
}: {
  person: FamilyPerson;
  family: Family;
  nameOf: NameOf;
  canWrite: boolean;
  onSave(rel: Relationship, done: string): void;
  onRemove(id: string, done: string): void;
}) {
  const me = nameOf(person.id);
  const partners = partnersOf(family, person.id);
  const parents = parentLinksOf(family, person.id);
  const children = childLinksOf(family, person.id);
  const lines = family.lines.filter((l) => l.from === person.id || l.to === person.id);
  const twins = family.twins.filter((t) => t.a === person.id || t.b === person.id);
  const fullSiblings = siblingsOf(family, person.id).filter((s) => !s.half && !twins.some((t) => t.a === s.id || t.b === s.id));
  const linkKinds = ChildLinkKindSchema.options.map((k) => ({ value: k, label: CHILD_LINK_LABELS[k] }));
  const linkSelect = (l: ChildLink, label: string) => (
    <SelectField
      id={`gg-link-${l.id}-${person.id}`}
      label={label}
      value={l.kind}
      options={linkKinds}
      onChange={(v) => {
        const { parentIds: _p, partnershipId: _c, ...rel } = l;
        onSave({ ...rel, kind: v as ChildLink['kind'] }, `Changed the link to ${CHILD_LINK_LABELS[v as ChildLink['kind']].toLowerCase()}.`);
      }}
    />
  );
  // Every reader sees who changed a relationship and when; the history page offers restore only to writers.
  const history = (id: string, what: string) => (
    <HistoryLink doc="genogram" root="relationships" itemKey={id} hiddenContext={`of ${what}`}>
      History
    </HistoryLink>
  );
  const remove = (id: string, what: string) =>
    canWrite && (
      <button type="button" className="button button--secondary button--small" onClick={() => onRemove(id, `Removed ${what}.`)}>
        Remove<span className="visually-hidden"> {what}</span>
      </button>
    );

  return (
    <section className="gg-panel__section" aria-labelledby="gg-rels-heading">
      <h4 id="gg-rels-heading">Relationships</h4>
      {partners.length + parents.length + children.length + lines.length + twins.length === 0 && <p className="muted">None drawn yet.</p>}
      {partners.length > 0 && <h5>Partners</h5>}
      <ul className="gg-rel-list">
        {partners.map(({ partnership: p, partnerId }) => (
          <li key={p.id}>
            {canWrite ? (
              <SelectField
                id={`gg-couple-${p.id}`}
                label={`${me} and ${nameOf(partnerId)}`}
                value={p.kind}
                options={PartnershipKindSchema.options.map((k) => ({ value: k, label: PARTNERSHIP_LABELS[k] }))}
                onChange={(v) => onSave({ ...p, kind: v as typeof p.kind }, `${me} and ${nameOf(partnerId)}: ${PARTNERSHIP_LABELS[v as typeof p.kind].toLowerCase()}.`)}
              />
            ) : (
              <p>
                {me} and {nameOf(partnerId)}: {PARTNERSHIP_LABELS[p.kind].toLowerCase()}
              </p>
            )}
            {history(p.id, `the couple ${me} and ${nameOf(partnerId)}`)}
            {remove(p.id, `the couple ${me} and ${nameOf(partnerId)}`)}
          </li>
        ))}
      </ul>
      {parents.length > 0 && <h5>Parents and carers</h5>}
      <ul className="gg-rel-list">
        {parents.map((l) => {
          const who = l.parentIds.map(nameOf).join(' and ');
          return (
            <li key={l.id}>
              {canWrite ? (
                linkSelect(l, `Link to ${who}`)
              ) : (
                <p>
                  {who}: {CHILD_LINK_LABELS[l.kind].toLowerCase()}
                </p>
              )}
              {history(l.id, `the link from ${me} to ${who}`)}
              {remove(l.id, `the link from ${me} to ${who}`)}
            </li>
          );
        })}
      </ul>
      {children.length > 0 && <h5>Children</h5>}
      <ul className="gg-rel-list">
        {children.map((l) => {
          const other = l.parentIds.filter((p) => p !== person.id).map(nameOf);
          const label = `${nameOf(l.child)}${other.length ? ` (with ${other.join(' and ')})` : ''}`;
          return (
            <li key={l.id}>
              {canWrite ? (
                linkSelect(l, label)
              ) : (
                <p>
                  {label}: {CHILD_LINK_LABELS[l.kind].toLowerCase()}
                </p>
              )}
              {history(l.id, `the link from ${nameOf(l.child)} to ${me}`)}
              {remove(l.id, `the link from ${nameOf(l.child)} to ${me}`)}
            </li>
          );
        })}
      </ul>
      {twins.length > 0 && <h5>Twins</h5>}
      <ul className="gg-rel-list">
        {twins.map((t) => {
          const other = nameOf(t.a === person.id ? t.b : t.a);
          return (
            <li key={t.id}>
              <p>
                {t.identical ? 'Identical twin' : 'Twin'} of {other}
              </p>
              {history(t.id, `the twin mark between ${me} and ${other}`)}
              {remove(t.id, `the twin mark between ${me} and ${other}`)}
            </li>
          );
        })}
      </ul>
      {lines.length > 0 && <h5>Relationship lines</h5>}
      <ul className="gg-rel-list">
        {lines.map((l) => {
          const text = l.directed ? `${LINE_LABELS[l.kind]} from ${nameOf(l.from)} to ${nameOf(l.to)}` : `${LINE_LABELS[l.kind]} between ${nameOf(l.from)} and ${nameOf(l.to)}`;
          return (
            <li key={l.id}>
              <p>{text}</p>
              {history(l.id, text.toLowerCase())}
              {remove(l.id, text.toLowerCase())}
            </li>
          );
        })}
      </ul>
      {canWrite && fullSiblings.length > 0 && <TwinForm person={person} siblings={fullSiblings.map((s) => s.id)} nameOf={nameOf} onSave={onSave} />}
    </section>
  );
}

/** Marks the person and one of their full siblings as twins. */
function TwinForm({ person, siblings, nameOf, onSave }: { person: FamilyPerson; siblings: string[]; nameOf: NameOf; onSave(rel: Relationship, done: string): void }) {
  const [other, setOther] = useState(siblings[0]!);
  const [identical, setIdentical] = useState(false);
  const value = siblings.includes(other) ? other : siblings[0]!;
  return (
    <fieldset className="plain-group gg-twin-form" aria-labelledby="gg-twin-heading">
      <h5 id="gg-twin-heading">Mark as twins</h5>
      <SelectField
        id="gg-twin-other"
        label={`${nameOf(person.id)} is a twin of`}
        value={value}
        onChange={setOther}
        options={siblings.map((s) => ({ value: s, label: nameOf(s) }))}
      />
      <CheckboxField id="gg-twin-identical" label="Identical twins" checked={identical} onChange={setIdentical} />
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onSave({ type: 'twins', id: newId(), a: person.id, b: value, identical }, `Marked ${nameOf(person.id)} and ${nameOf(value)} as twins.`)}
      >
        Mark as twins
      </button>
    </fieldset>
  );
}
