import {
  CHILD_LINK_LABELS,
  LINE_LABELS,
  PARTNERSHIP_LABELS,
  childLinksOf,
  describePerson,
  findProblems,
  parentLinksOf,
  partnersOf,
  siblingsOf,
  type Family,
  type Relationship,
} from '../../../shared/genogram/index.js';
import { Notice } from '../components/Notice.js';
import { sortRegister } from '../lib/registerOrder.js';
import { describeRelationshipLine, type NameOf } from './names.js';

/**
 * The accessible alternative to the drawing: every person with their relationships written out, and
 * every household, as headings and lists a screen reader can move through. It is drawn from the same
 * family as the drawing, so the two are always in step.
 */
export function FamilyList({
  family,
  relationships,
  nameOf,
  todayIso,
  onShow,
}: {
  family: Family;
  relationships: readonly Relationship[];
  nameOf: NameOf;
  todayIso: string;
  onShow(id: string): void;
}) {
  const problems = findProblems(relationships, new Set(family.people.map((p) => p.id)));
  return (
    <section className="gg-list" aria-labelledby="gg-list-heading" data-testid="genogram-list">
      <h3 id="gg-list-heading">The family as a list</h3>
      <p>Everyone in the genogram and how they are related, in the same order as the people register.</p>
      {problems.length > 0 && (
        <Notice tone="error" title="Some relationships contradict each other">
          <p>Two changes made at the same time can leave the genogram like this. Remove the relationship that is wrong.</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.id}-${p.problem.code}`}>
                {describeRelationshipLine(family, p.id, nameOf)}: {p.problem.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {family.people.length === 0 && <p className="muted">No one yet. Add a person to start the genogram.</p>}
      <ul className="gg-list__people">
        {sortRegister(family.people).map((registered) => {
          const p = family.byId.get(registered.id)!;
          const name = nameOf(p.id);
          const items: string[] = [];
          for (const { partnership, partnerId } of partnersOf(family, p.id)) items.push(`Partner of ${nameOf(partnerId)}: ${PARTNERSHIP_LABELS[partnership.kind].toLowerCase()}`);
          for (const l of parentLinksOf(family, p.id)) items.push(`Child of ${l.parentIds.map(nameOf).join(' and ')}: ${CHILD_LINK_LABELS[l.kind].toLowerCase()}`);
          for (const l of childLinksOf(family, p.id)) items.push(`Parent of ${nameOf(l.child)}: ${CHILD_LINK_LABELS[l.kind].toLowerCase()}`);
          const sibs = siblingsOf(family, p.id);
          if (sibs.some((s) => !s.half))
            items.push(
              `Brothers and sisters: ${sibs
                .filter((s) => !s.half)
                .map((s) => nameOf(s.id))
                .join(', ')}`,
            );
          if (sibs.some((s) => s.half))
            items.push(
              `Half-brothers and half-sisters: ${sibs
                .filter((s) => s.half)
                .map((s) => nameOf(s.id))
                .join(', ')}`,
            );
          for (const t of family.twins) if (t.a === p.id || t.b === p.id) items.push(`${t.identical ? 'Identical twin' : 'Twin'} of ${nameOf(t.a === p.id ? t.b : t.a)}`);
          for (const l of family.lines) {
            if (l.from !== p.id && l.to !== p.id) continue;
            items.push(l.directed ? `${LINE_LABELS[l.kind]} from ${nameOf(l.from)} to ${nameOf(l.to)}` : `${LINE_LABELS[l.kind]} between ${nameOf(l.from)} and ${nameOf(l.to)}`);
          }
          for (const h of family.households) if (h.memberIds.includes(p.id)) items.push(`Lives in: ${h.label}`);
          return (
            <li key={p.id} className="gg-list__person">
              <h4>{name}</h4>
              <p>{describePerson(p, todayIso, name)}</p>
              {items.length > 0 ? (
                <ul>
                  {items.map((t, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of sentences built afresh on each render, in order; a sentence's position is its identity
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No relationships drawn yet.</p>
              )}
              <button type="button" className="button button--secondary button--small" onClick={() => onShow(p.id)}>
                Open {name}
                <span className="visually-hidden"> in the drawing and the details panel</span>
              </button>
            </li>
          );
        })}
      </ul>
      {family.households.length > 0 && (
        <>
          <h4>Households</h4>
          <ul>
            {family.households.map((h) => (
              <li key={h.id}>
                {h.label}: {h.memberIds.length > 0 ? h.memberIds.map(nameOf).join(', ') : 'no one yet'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
