import { useCallback, useEffect, useMemo, useState } from 'react';
import { docAccess } from '../../../shared/docAccess.js';
import { docName } from '../../../shared/docNames.js';
import { newId } from '../../../shared/ids.js';
import { blankPerson, type Person } from '../../../shared/people.js';
import { readRegister, removePerson, writePerson, type RegisterRead } from '../../../shared/peopleDoc.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { ReviewDetail } from '../api/schemas.js';
import { Dialog } from '../components/Dialog.js';
import { Notice } from '../components/Notice.js';
import { SkippedRecordsNotice } from '../components/SkippedRecordsNotice.js';
import { useDocValue } from '../hooks/useDocValue.js';
import { usePresence } from '../hooks/usePresence.js';
import { useSharedDoc } from '../hooks/useSharedDoc.js';
import { mergePersonEdit } from '../lib/personForm.js';
import { sortRegister } from '../lib/registerOrder.js';
import { useMe } from '../session/sessionContext.js';
import { PeopleTable } from './PeopleTable.js';
import { PersonDetails } from './PersonDetails.js';
import { PersonForm } from './PersonForm.js';
import { PresenceBar } from './PresenceBar.js';
import { SyncStatusLine } from './SyncStatusLine.js';

const NO_PEOPLE: RegisterRead = { people: [], skipped: 0 };
const readSorted = (doc: Parameters<typeof readRegister>[0]): RegisterRead => {
  const read = readRegister(doc);
  return { people: sortRegister(read.people), skipped: read.skipped };
};

/** What the side panel shows: a new person, an existing one to edit, or one to view read-only. */
type Panel = { mode: 'add' | 'edit' | 'view'; opened: Person } | null;

/**
 * The people register, co-edited live through Yjs (review.<id>.people). Everyone with the register open
 * is listed with what they are editing. Members whose role gives read access see it read-only; the
 * sync server refuses their writes anyway. If the role changes while the register is open (to
 * observer, say), the panel closes so no edit is typed that the server would drop.
 */
export function PeopleTab({ detail, onAccessChanged }: { detail: ReviewDetail; onAccessChanged(): void }) {
  const me = useMe();
  const reviewId = detail.review.id;
  const ref = useMemo(() => ({ reviewId, kind: 'people' as const }), [reviewId]);
  const canWrite = docAccess(ref, { reviewId, role: detail.membership.role, agencyId: detail.membership.agencyId }) === 'write';
  // When the server closes the socket because the role changed, re-read the role so the controls follow.
  const { shared, facts } = useSharedDoc(docName(ref), { onAccessCheck: onAccessChanged });
  const { people, skipped } = useDocValue(shared?.doc ?? null, readSorted, NO_PEOPLE);
  const presence = usePresence(shared?.provider ?? null, me.user.name);
  const [panel, setPanel] = useState<Panel>(null);
  const [announcement, setAnnouncement] = useState('');

  // Tell the others which row this person is editing; presence is never stored.
  useEffect(() => {
    const awareness = shared?.provider.awareness;
    if (!awareness) return;
    awareness.setLocalStateField('editing', panel && panel.mode !== 'view' ? panel.opened.id : null);
  }, [shared, panel]);

  const close = useCallback(() => setPanel(null), []);
  useEffect(() => {
    if (!canWrite) setPanel((p) => (p && p.mode !== 'view' ? null : p));
  }, [canWrite]);
  const open = (id: string) => {
    const person = people.find((p) => p.id === id);
    if (person) setPanel({ mode: canWrite ? 'edit' : 'view', opened: person });
  };
  const save = (edited: Person, base: Person) => {
    if (!shared || !panel) return;
    const current = people.find((p) => p.id === edited.id) ?? null;
    writePerson(shared.doc, mergePersonEdit(base, edited, current));
    setAnnouncement(`${panel.mode === 'add' ? 'Added' : 'Saved'} ${edited.reportLabel || edited.name}.`);
    setPanel(null);
  };
  const remove = () => {
    if (!shared || !panel) return;
    removePerson(shared.doc, panel.opened.id);
    setAnnouncement(`Removed ${panel.opened.reportLabel || panel.opened.name} from the register.`);
    setPanel(null);
  };

  const current = panel ? (people.find((p) => p.id === panel.opened.id) ?? null) : null;
  const title = panel?.mode === 'add' ? 'Add a person' : panel?.mode === 'edit' ? `Edit ${panel.opened.name || 'person'}` : `${panel?.opened.name || 'Person'}`;
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        People register
      </h2>
      <p>Every family member and significant adult, once. The genogram, the chronology and every export use this register.</p>
      <div className="register-bar">
        <SyncStatusLine facts={facts} readOnly={!canWrite} />
        <PresenceBar entries={presence} people={people} />
      </div>
      <SkippedRecordsNotice count={skipped} place="the people register" />
      {!canWrite && (
        <Notice tone="info" title="Read only">
          <p>As {ROLE_LABELS[detail.membership.role].toLowerCase()} you can view the register but not change it.</p>
        </Notice>
      )}
      {canWrite && (
        <p>
          <button type="button" className="button" disabled={!shared} onClick={() => setPanel({ mode: 'add', opened: blankPerson(newId()) })}>
            Add a person
          </button>
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {facts.synced || people.length > 0 ? (
        <PeopleTable people={people} presence={presence} canWrite={canWrite} onOpen={open} />
      ) : (
        <p className="muted">The register appears here once it has loaded.</p>
      )}
      {panel && (
        <Dialog title={title} titleId="person-panel-title" onClose={close}>
          {panel.mode === 'view' ? (
            <PersonDetails person={current ?? panel.opened} onClose={close} />
          ) : (
            <PersonForm
              key={panel.opened.id}
              opened={panel.opened}
              current={current}
              isNew={panel.mode === 'add'}
              register={people}
              childPseudonym={detail.review.childPseudonym}
              onSave={save}
              onRemove={remove}
              onCancel={close}
              otherEditors={presence.filter((e) => !e.isSelf && e.editing === panel.opened.id).map((e) => e.name)}
              live={shared ? { doc: shared.doc, awareness: shared.provider.awareness } : null}
            />
          )}
        </Dialog>
      )}
    </>
  );
}
