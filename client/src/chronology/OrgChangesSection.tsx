import { useEffect, useState, type ReactNode } from 'react';
import { exactDate, formatChronologyDate, removeOrgChange, writeOrgChange, type AgencyInfo, type OrgChange } from '../../../shared/chronology/index.js';
import type { IsoDate } from '../../../shared/dates.js';
import { newId } from '../../../shared/ids.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { Badge } from '../components/Badge.js';
import { openQueriesText } from '../evidence/queryCounts.js';
import { Dialog } from '../components/Dialog.js';
import { Notice } from '../components/Notice.js';
import { TableWrap } from '../components/TableWrap.js';
import type { SharedDoc } from '../hooks/useSharedDoc.js';
import { usePresence } from '../hooks/usePresence.js';
import { HistoryLink } from '../history/HistoryLink.js';
import { useMe } from '../session/sessionContext.js';
import { mergeEdit } from './entryForm.js';
import { OrgChangePanel } from './OrgChangePanel.js';
import { dateNote, safeColour } from './rowDisplay.js';
import { ORG_CHANGES_NO_AGENCIES } from '../lib/emptyStates.js';
import { useOrgChanges } from './useOrgChanges.js';

/**
 * Each agency's organisational changes chronology (Document 12's second, smaller chronology):
 * restructures, staffing and policy changes with their impact on frontline practice. Everyone in the
 * review reads every agency's list, grouped by agency with its short code beside its colour. An
 * agency's authors, and the lead reviewer on its behalf, add, edit and remove its changes; the rows
 * live in the agency's own chronology document, so the server enforces who may write them.
 */
export function OrgChangesSection({
  agencies,
  sharedByAgency,
  canWriteAgency,
  ownAgencyId,
  todayIso,
  queries,
}: {
  agencies: readonly AgencyInfo[];
  sharedByAgency: Readonly<Record<string, SharedDoc>>;
  canWriteAgency(agencyId: string): boolean;
  /** The viewer's own agency, when they are an agency author. */
  ownAgencyId: string | null;
  todayIso: IsoDate;
  /** The review team's query threads on the changes (issue 16), for those who may see the agency's evidence. */
  queries?: OrgChangeQueries;
}) {
  const [announcement, setAnnouncement] = useState('');
  return (
    <section className="org-changes" aria-labelledby="org-changes-heading" data-testid="org-changes">
      <h3 id="org-changes-heading">Organisational changes</h3>
      <p>
        Changes in each agency that may have affected frontline practice during the period under review, such as restructures, staffing and caseloads, or new policies. Each agency
        records its own.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {agencies.length === 0 && <p className="muted">{ORG_CHANGES_NO_AGENCIES}</p>}
      {agencies.map((a) => (
        <AgencyOrgChanges
          key={a.id}
          agency={a}
          shared={sharedByAgency[a.id] ?? null}
          canWrite={canWriteAgency(a.id)}
          onBehalf={a.id !== ownAgencyId}
          todayIso={todayIso}
          onAnnounce={setAnnouncement}
          queries={queries}
        />
      ))}
    </section>
  );
}

/**
 * Query threads on organisational changes: who may see an agency's, how many are open on a change,
 * and the thread list itself. Any review-team member asks about any agency's change, that agency's
 * authors answer; the server decides again (shared/evidence/access.ts).
 */
export type OrgChangeQueries = {
  visible(agencyId: string): boolean;
  /** Whether the member may open a thread; those who may not see the button only where a thread exists. */
  mayAsk: boolean;
  threadCount(agencyId: string, changeId: string): number;
  openCount(agencyId: string, changeId: string): number;
  render(agencyId: string, changeId: string): ReactNode;
};

/** What the side panel shows for one agency: a new change, an existing one to edit, or its query threads. */
type Panel = { isNew: boolean; opened: OrgChange; queries?: boolean } | null;

/** One agency's organisational changes: a table in date order, and add and edit controls when the user may write. */
function AgencyOrgChanges({
  agency,
  shared,
  canWrite,
  onBehalf,
  todayIso,
  onAnnounce,
  queries,
}: {
  agency: AgencyInfo;
  shared: SharedDoc | null;
  canWrite: boolean;
  onBehalf: boolean;
  todayIso: IsoDate;
  onAnnounce(text: string): void;
  queries?: OrgChangeQueries;
}) {
  const doc = shared?.doc ?? null;
  const changes = useOrgChanges(doc, agency.id);
  const me = useMe();
  const presence = usePresence(shared?.provider ?? null, me.user.name);
  const hasQueries = (c: OrgChange) => !!queries && (queries.mayAsk || queries.threadCount(agency.id, c.id) > 0);
  const showQueries = !!queries?.visible(agency.id) && changes.some(hasQueries);
  const [panel, setPanel] = useState<Panel>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const headingId = `org-changes-${agency.id}`;
  const close = () => setPanel(null);
  // If access drops while the panel is open (a role change), close it, so no edit is typed that the server would drop.
  useEffect(() => {
    if (!canWrite) setPanel((p) => (p?.queries ? p : null));
  }, [canWrite]);

  const openNew = () => {
    setSaveError(null);
    setPanel({ isNew: true, opened: { id: newId(), agencyId: agency.id, date: exactDate(todayIso), change: '', impact: '' } });
  };
  const openExisting = (c: OrgChange) => {
    setSaveError(null);
    setPanel({ isNew: false, opened: c });
  };
  const current = panel ? (changes.find((c) => c.id === panel.opened.id) ?? null) : null;
  // Tell the others which change this person is editing (presence is never stored), and name those
  // editing the same one, so a change made meanwhile says who made it.
  const editingId = panel && !panel.isNew && !panel.queries ? panel.opened.id : null;
  useEffect(() => {
    const awareness = shared?.provider.awareness;
    if (!awareness || !editingId) return;
    awareness.setLocalStateField('editing', editingId);
    return () => awareness.setLocalStateField('editing', null);
  }, [shared, editingId]);
  const otherEditors = editingId ? presence.filter((e) => !e.isSelf && e.editing === editingId).map((e) => e.name) : [];

  const save = (edited: OrgChange, base: OrgChange) => {
    if (!panel || !doc) return;
    try {
      // Only the fields this person changed are taken, so a colleague's edit to another field survives.
      const merged = panel.isNew ? edited : mergeEdit(base, edited, current);
      writeOrgChange(doc, agency.id, { ...merged, id: panel.opened.id, agencyId: agency.id });
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : 'The change could not be saved.');
      return;
    }
    onAnnounce(`${panel.isNew ? 'Added' : 'Saved'} the ${agency.shortCode} organisational change of ${formatChronologyDate(edited.date)}.`);
    setPanel(null);
  };
  const remove = () => {
    if (!panel || !doc) return;
    removeOrgChange(doc, panel.opened.id);
    onAnnounce(`Removed the ${agency.shortCode} organisational change of ${formatChronologyDate(panel.opened.date)}.`);
    setPanel(null);
  };

  const title = panel?.isNew
    ? `Add an organisational change for ${agency.shortCode}`
    : panel?.queries
      ? `Queries on the ${agency.shortCode} organisational change of ${formatChronologyDate(panel.opened.date)}`
      : panel
        ? `Edit the ${agency.shortCode} organisational change of ${formatChronologyDate(panel.opened.date)}`
        : '';

  return (
    <div className="org-changes__agency" data-testid={`org-changes-${agency.shortCode}`}>
      <h4 id={headingId} className="org-changes__title">
        <AgencyTag shortCode={agency.shortCode} colour={safeColour(agency.colour)} /> {agency.name}
      </h4>
      {changes.length === 0 ? (
        <p className="muted">No organisational changes recorded yet.</p>
      ) : (
        <TableWrap label={`${agency.shortCode} organisational changes`}>
          <table className="table org-changes__table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Organisational change</th>
                <th scope="col">Impact on frontline practice</th>
                {showQueries && <th scope="col">Queries</th>}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => {
                const date = formatChronologyDate(c.date);
                const note = dateNote(c.date);
                const open = queries && showQueries ? queries.openCount(agency.id, c.id) : 0;
                return (
                  <tr key={c.id} data-change-id={c.id}>
                    <th scope="row" className="org-changes__date">
                      {date}
                      {note && <span className="chron-cell__note">{note}</span>}
                    </th>
                    <td className="org-changes__text">{c.change}</td>
                    <td className="org-changes__text">{c.impact || <span className="muted">Not recorded yet</span>}</td>
                    {showQueries && (
                      <td>
                        {open > 0 && (
                          <>
                            <Badge tone="info">{openQueriesText(open)}</Badge>{' '}
                          </>
                        )}
                        {hasQueries(c) && (
                          <button type="button" className="button button--small button--secondary" onClick={() => setPanel({ isNew: false, opened: c, queries: true })}>
                            Queries
                            <span className="visually-hidden">
                              {' '}
                              on the {agency.shortCode} change of {date}
                            </span>
                          </button>
                        )}
                      </td>
                    )}
                    <td>
                      {canWrite && (
                        <button type="button" className="button button--small button--secondary" onClick={() => openExisting(c)}>
                          Edit
                          <span className="visually-hidden">
                            {' '}
                            the {agency.shortCode} change of {date}
                          </span>
                        </button>
                      )}
                      <HistoryLink doc={`chronology.${agency.id}`} root="orgChanges" itemKey={c.id} hiddenContext={`of the ${agency.shortCode} change of ${date}`}>
                        History
                      </HistoryLink>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canWrite && (
        <button type="button" className="button button--secondary button--small" onClick={openNew} disabled={!doc}>
          Add an organisational change for {agency.shortCode}
        </button>
      )}
      {panel && (
        <Dialog title={title} titleId="org-change-panel-title" onClose={close}>
          {panel.queries ? (
            <>
              <p>
                <strong>Change:</strong> {(current ?? panel.opened).change}
              </p>
              {queries?.render(agency.id, panel.opened.id)}
              <div className="button-row">
                <button type="button" className="button button--secondary" onClick={close}>
                  Close
                </button>
              </div>
            </>
          ) : (
            <>
              {saveError && (
                <Notice tone="error" role="alert" title="The change was not saved">
                  <p>{saveError}</p>
                </Notice>
              )}
              <OrgChangePanel
                key={panel.opened.id}
                isNew={panel.isNew}
                opened={panel.opened}
                current={current}
                agency={agency}
                onBehalf={onBehalf}
                todayIso={todayIso}
                onSave={save}
                onRemove={remove}
                onCancel={close}
                otherEditors={otherEditors}
                live={shared ? { doc: shared.doc, awareness: shared.provider.awareness } : null}
              />
            </>
          )}
        </Dialog>
      )}
    </div>
  );
}
