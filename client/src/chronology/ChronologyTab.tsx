import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import {
  blankEntry,
  blankTeamFields,
  filterEntries,
  searchTerms,
  type ChronologyDate,
  type ChronologyEntry,
  type IntegratedRow,
  type TeamFields,
} from '../../../shared/chronology/index.js';
import { isoDateInLondon } from '../../../shared/dates.js';
import { docAccess } from '../../../shared/docAccess.js';
import type { Person } from '../../../shared/people.js';
import { newId } from '../../../shared/ids.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import type { ReviewDetail } from '../api/schemas.js';
import { Dialog } from '../components/Dialog.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { usePresence } from '../hooks/usePresence.js';
import { describeSync } from '../lib/syncStatus.js';
import { RefusedEditAlert } from '../components/RefusedEditAlert.js';
import { useMe } from '../session/sessionContext.js';
import { fetchPhases } from './chronologyApi.js';
import { ScopeNotice } from './ScopeNotice.js';
import { ChronologyFilters } from './ChronologyFilters.js';
import { ChronologyPresence } from './ChronologyPresence.js';
import { ChronologyFullTable } from './ChronologyFullTable.js';
import { ChronologyTable } from './ChronologyTable.js';
import { EntryDetails, TeamDetails } from './EntryDetails.js';
import { EntryPanel, type EntrySave } from './EntryPanel.js';
import { nextSequence } from './entryForm.js';
import { ExportPanel } from './ExportPanel.js';
import { formToFilter, formToSearch, searchToForm, type ChronologyView, type FilterForm } from './filterForm.js';
import { ImportPanel } from './ImportPanel.js';
import { OrgChangesSection } from './OrgChangesSection.js';
import { PractitionersPanel } from './PractitionersPanel.js';
import { rowName } from './rowDisplay.js';
import { removeRow, writeRowEdit } from './rowWrites.js';
import { DEFAULT_SORT, nextSort, sortRows, type RowSort } from './rowSort.js';
import type { Phase } from './timelineItems.js';
import { useChronologyData } from './useChronologyData.js';
import { useRowEditors } from './useRowEditors.js';
import { mayAskQuery, mayReadAgencyEvidence } from '../../../shared/evidence/index.js';
import { evidencePaths, QueriesSchema } from '../evidence/evidenceApi.js';
import { openQueryCounts, queryThreadCounts } from '../evidence/queryCounts.js';
import { RowQueries } from '../evidence/RowQueries.js';
import { useApiData } from '../hooks/useApiData.js';
import { HistoryLink } from '../history/HistoryLink.js';

/** No phases yet: one array, so the timeline does not take each render for new phases and redo its items. */
const NO_PHASES: Phase[] = [];

// vis-timeline is large; it loads only when someone opens the timeline, so the table stays quick.
const loadTimeline = () => import('./TimelineView.js');
const TimelineView = lazy(loadTimeline);

/**
 * What the side panel shows. An existing row opens for reading (`reading`), whoever opens it; editing
 * is a deliberate second step, so a lead reviewer reading a long entry is not put into a form.
 */
type Panel =
  | { kind: 'row'; isNew: boolean; reading: boolean; agencyId: string; opened: ChronologyEntry; openedTeam: TeamFields; openedEditable: boolean }
  | { kind: 'import' }
  | { kind: 'export' }
  | null;

/** The agency's own fields of an integrated row, without the agency code, colour and team fields. */
function entryOf(row: IntegratedRow): ChronologyEntry {
  const { agencyCode: _c, agencyName: _n, colour: _col, team: _t, ...entry } = row;
  return entry;
}

/**
 * The integrated chronology: every agency's rows in one date order, live. Each agency writes its own
 * rows (the lead reviewer any agency's); the lead reviewer and review team mark key practice
 * learning events, workshop phases and notes; everyone else reads. The server enforces all of this
 * per document; the page only hides what it would refuse.
 */
export function ChronologyTab({ detail, onAccessChanged }: { detail: ReviewDetail; onAccessChanged(): void }) {
  const me = useMe();
  const reviewId = detail.review.id;
  const { role, agencyId: ownAgency } = detail.membership;
  const data = useChronologyData(reviewId, detail.agencies, onAccessChanged);
  const membership = useMemo(() => ({ reviewId, role, agencyId: ownAgency }), [reviewId, role, ownAgency]);
  const canWriteAgency = useCallback((agencyId: string) => docAccess({ reviewId, kind: 'chronology', agencyId }, membership) === 'write', [reviewId, membership]);
  const canWriteTeam = docAccess({ reviewId, kind: 'chronology-team' }, membership) === 'write';
  const writable = useMemo(() => data.agencies.filter((a) => canWriteAgency(a.id)), [data.agencies, canWriteAgency]);
  const readOnly = writable.length === 0 && !canWriteTeam;
  // Every query thread the member may see (the server filters by agency), counted for the badges.
  const queries = useApiData(evidencePaths.queries(reviewId), QueriesSchema);
  const openQueries = useMemo(() => openQueryCounts(queries.data?.queries ?? []), [queries.data]);
  const allQueries = useMemo(() => queryThreadCounts(queries.data?.queries ?? []), [queries.data]);
  const reloadQueries = queries.reload;

  // Filters and view live in the address bar, so a filtered view can be bookmarked and survives Back.
  const [initial] = useState(() => searchToForm(window.location.search));
  const [form, setForm] = useState<FilterForm>(initial.form);
  const [view, setView] = useState<ChronologyView>(initial.view);
  useEffect(() => {
    const search = formToSearch(form, view);
    if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
  }, [form, view]);
  // Opened straight on the timeline: fetch its code while the documents load.
  useEffect(() => {
    if (initial.view === 'timeline') void loadTimeline();
  }, [initial.view]);
  const { filter, errors: filterErrors } = useMemo(() => formToFilter(form), [form]);
  const rows = useMemo(() => filterEntries(data.rows, data.teamFields, filter), [data.rows, data.teamFields, filter]);
  const rowsById = useMemo(() => new Map(data.rows.map((r) => [r.id, r])), [data.rows]);
  const peopleById = useMemo(() => new Map(data.people.map((p) => [p.id, p])), [data.people]);
  const terms = useMemo(() => searchTerms(filter.text ?? ''), [filter.text]);
  const [sort, setSort] = useState<RowSort>(DEFAULT_SORT);
  const sorted = useMemo(() => sortRows(rows, sort, peopleById), [rows, sort, peopleById]);
  const [fullText, setFullText] = useState(false);
  // While printing, the whole chronology is drawn as one table under <body>, and only it is printed.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    document.body.classList.add('print-chronology');
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      document.body.classList.remove('print-chronology');
    };
  }, []);
  const print = () => {
    flushSync(() => setPrinting(true));
    window.print();
  };

  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  const [pendingOpen, setPendingOpen] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);

  // Workshop phases come from the REST API, only once something needs them.
  const [phases, setPhases] = useState<Phase[] | null>(null);
  const needsPhases = view === 'timeline' || (panel?.kind === 'row' && canWriteTeam) || data.rows.some((r) => r.team.phaseId !== null);
  useEffect(() => {
    if (!needsPhases || phases !== null) return;
    let cancelled = false;
    fetchPhases(reviewId).then(
      (p) => {
        if (!cancelled) setPhases(p);
      },
      () => {
        if (!cancelled) setPhases([]);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [needsPhases, phases, reviewId]);
  const phaseTitles = useMemo(() => new Map((phases ?? []).map((p) => [p.id, p.title])), [phases]);

  // Presence: the team document is open for everyone, so it lists who is here; every agency document
  // carries which row each person is editing.
  const providers = useMemo(() => [...Object.values(data.sharedByAgency).map((s) => s.provider), ...(data.team ? [data.team.provider] : [])], [data.sharedByAgency, data.team]);
  const editors = useRowEditors(providers, me.user.name);
  const presence = usePresence(data.team?.provider ?? null, me.user.name);

  const editable = panel?.kind === 'row' && (canWriteAgency(panel.agencyId) || canWriteTeam);
  // Reading a row is not editing it: colleagues are only told "being edited" once the form is open.
  const editing = panel?.kind === 'row' && editable && !panel.reading ? { agencyId: panel.agencyId, id: panel.opened.id } : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `editing` is a new object on every render; its two fields are what the effect reads, and re-announcing on every render would flood awareness updates
  useEffect(() => {
    for (const [agencyId, s] of Object.entries(data.sharedByAgency)) {
      s.provider.awareness.setLocalStateField('editing', editing && editing.agencyId === agencyId ? editing.id : null);
    }
    data.team?.provider.awareness.setLocalStateField('editing', editing?.id ?? null);
  }, [data.sharedByAgency, data.team, editing?.agencyId, editing?.id]);

  // If access drops while a panel is open (a role change), close what can no longer be saved, so no
  // edit is typed that the server would drop.
  useEffect(() => {
    if (panel?.kind === 'import' && writable.length === 0) setPanel(null);
    if (panel?.kind === 'row' && panel.openedEditable && !editable) setPanel(null);
  }, [panel, writable.length, editable]);

  const openRow = useCallback(
    (id: string) => {
      const row = rowsById.get(id);
      if (!row) return;
      setActiveId(id);
      setSaveError(null);
      setPanel({
        kind: 'row',
        isNew: false,
        reading: true,
        agencyId: row.agencyId,
        opened: entryOf(row),
        openedTeam: row.team,
        openedEditable: canWriteAgency(row.agencyId) || canWriteTeam,
      });
    },
    [rowsById, canWriteAgency, canWriteTeam],
  );

  const openFromTimeline = useCallback((id: string) => {
    setView('table');
    setActiveId(id);
    setFocusRequest((n) => n + 1);
    setPendingOpen(id);
  }, []);
  // Open the row a timeline item asked for once the table has focused it, so closing returns focus there.
  useEffect(() => {
    if (!pendingOpen || view !== 'table') return;
    const frame = window.requestAnimationFrame(() => {
      setPendingOpen(null);
      openRow(pendingOpen);
    });
    return () => window.cancelAnimationFrame(frame);
  }, [pendingOpen, view, openRow]);

  const addRow = () => {
    const agencyId = writable.find((a) => a.id === ownAgency)?.id ?? writable[0]?.id;
    if (!agencyId) return;
    setSaveError(null);
    const date: ChronologyDate = { precision: 'year', year: new Date().getFullYear(), month: null, day: null, uncertainty: 'none' };
    setPanel({ kind: 'row', isNew: true, reading: false, agencyId, opened: blankEntry(newId(), agencyId, date), openedTeam: blankTeamFields(), openedEditable: true });
  };

  const sequenceFor = useCallback(
    (agencyId: string, date: ChronologyDate, ownId: string) =>
      nextSequence(
        (data.entriesByAgency[agencyId] ?? []).filter((e) => e.id !== ownId),
        date,
      ),
    [data.entriesByAgency],
  );

  const save = ({ agencyId, entry, team, base }: EntrySave) => {
    if (panel?.kind !== 'row') return;
    const id = panel.opened.id;
    try {
      writeRowEdit({
        isNew: panel.isNew,
        id,
        agencyId,
        opened: base,
        openedTeam: panel.openedTeam,
        entry,
        team,
        agencyDoc: data.sharedByAgency[agencyId]?.doc ?? null,
        teamDoc: data.team?.doc ?? null,
        currentEntry: (data.entriesByAgency[agencyId] ?? []).find((e) => e.id === id) ?? null,
        currentTeam: data.teamFields.get(id) ?? null,
      });
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : 'The row could not be saved.');
      return;
    }
    const agency = data.agencies.find((a) => a.id === agencyId);
    const name = entry && agency ? rowName({ agencyCode: agency.shortCode, date: entry.date, time: entry.time }) : 'row';
    setAnnouncement(panel.isNew ? `Added the ${name}.` : `Saved the ${name}.`);
    setActiveId(id);
    setPanel(null);
  };

  const remove = () => {
    if (panel?.kind !== 'row') return;
    const shared = data.sharedByAgency[panel.agencyId];
    if (!shared) return;
    const row = rowsById.get(panel.opened.id);
    removeRow(shared.doc, canWriteTeam ? (data.team?.doc ?? null) : null, panel.opened.id);
    setAnnouncement(row ? `Removed the ${rowName(row)}.` : 'Removed the row.');
    setPanel(null);
  };

  const modeFor = useCallback((row: IntegratedRow) => (canWriteAgency(row.agencyId) || canWriteTeam ? ('edit' as const) : ('view' as const)), [canWriteAgency, canWriteTeam]);
  const close = useCallback(() => setPanel(null), []);
  const childDateOfBirth = data.people.find((p) => p.isSubject)?.dateOfBirth ?? null;
  const sync = describeSync(data.facts);
  const syncText =
    sync.tone === 'error' && !data.facts.refusedEdit
      ? 'The server closed the chronology. Reload the page; you may no longer have access.'
      : readOnly && sync.tone === 'ok'
        ? 'Connected. Showing the latest version.'
        : sync.text;

  // A new review's chronology is empty until agencies are added, and then until they add rows: say what comes first.
  const emptyText =
    data.agencies.length === 0
      ? 'No agencies have been added to this review yet. Add the agencies on the Agencies page first; each then adds its own rows here.'
      : writable.length > 0
        ? 'No rows have been added yet. Use Add a row, or Import a spreadsheet, to start.'
        : 'No rows have been added yet. Each agency adds its own rows.';
  let panelTitle = '';
  if (panel?.kind === 'import') panelTitle = 'Import a chronology spreadsheet';
  else if (panel?.kind === 'export') panelTitle = 'Export the chronology';
  else if (panel?.kind === 'row') {
    const row = rowsById.get(panel.opened.id);
    const name = row ? rowName(row) : 'row';
    panelTitle = panel.isNew ? 'Add a row' : panel.reading || !editable ? `The ${name}` : `Edit the ${name}`;
  }

  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Chronology
      </h2>
      <ScopeNotice reviewId={reviewId} />
      <p>Every agency’s key events in one date order, coloured by agency. Each agency writes its own rows; the review team marks key practice learning events.</p>
      <div className="register-bar">
        <RefusedEditAlert facts={data.facts} />
        <p className={`sync-status sync-status--${sync.tone}`} role="status" aria-live="polite" data-testid="sync-status">
          <span className="sync-status__dot" aria-hidden="true" />
          {syncText}
        </p>
        <ChronologyPresence entries={presence} rowsById={rowsById} />
      </div>
      {readOnly && (
        <Notice tone="info" title="Read only">
          <p>As {ROLE_LABELS[role].toLowerCase()} you can read the chronology but not change it.</p>
        </Notice>
      )}
      {(writable.length > 0 || canWriteTeam) && (
        <div className="button-row chron-actions">
          {writable.length > 0 && (
            <>
              <button type="button" className="button" onClick={addRow} disabled={!data.loaded}>
                Add a row
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPanel({ kind: 'import' })}>
                Import a spreadsheet
              </button>
            </>
          )}
          {canWriteTeam && (
            <button type="button" className="button button--secondary" onClick={() => setPanel({ kind: 'export' })}>
              Export
            </button>
          )}
        </div>
      )}
      <ChronologyFilters form={form} errors={filterErrors} onChange={setForm} agencies={data.agencies} people={data.people} shown={rows.length} total={data.rows.length} />
      <div className="chron-view-bar">
        <h3 id="chronology-table-title" className="chron-view-bar__title">
          Integrated chronology
        </h3>
        <fieldset className="plain-group chron-view-toggle" aria-label="Show the chronology as">
          <button
            type="button"
            className="button button--small button--secondary"
            aria-pressed={view === 'table' && !fullText}
            onClick={() => {
              setView('table');
              setFullText(false);
            }}
          >
            Table
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            aria-pressed={view === 'table' && fullText}
            onClick={() => {
              setView('table');
              setFullText(true);
            }}
          >
            Full text
          </button>
          <button type="button" className="button button--small button--secondary" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>
            Timeline
          </button>
          <button type="button" className="button button--small button--secondary" onClick={print} disabled={!data.loaded}>
            Print
          </button>
        </fieldset>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {!data.loaded && <LoadingMessage text="Loading the chronology…" />}
      {view === 'table' && fullText ? (
        data.loaded && (
          <div className="chron-full-wrap">
            <ChronologyFullTable rows={sorted} people={peopleById} phaseTitles={phaseTitles} terms={terms} caption="Every row with its full text" id="chronology-full" />
            {rows.length === 0 && <p className="chron-empty">{data.rows.length === 0 ? emptyText : 'No rows match these filters.'}</p>}
          </div>
        )
      ) : view === 'table' ? (
        data.loaded && (
          <>
            <p className="field__hint" id="chronology-keys-hint">
              Rows are in date order unless you sort by another column heading; uncertain and approximate dates say so under the date. In the table, the up and down arrow keys move
              between rows, Page Up, Page Down, Home and End jump, and Enter opens the row to read it whole. Escape closes it. Full text shows every word of every row.
            </p>
            <ChronologyTable
              rows={sorted}
              terms={terms}
              sort={sort}
              onSort={(key) => setSort((cur) => nextSort(cur, key))}
              totalCount={data.rows.length}
              activeId={activeId}
              onActiveChange={setActiveId}
              onOpen={openRow}
              modeFor={modeFor}
              editors={editors}
              people={peopleById}
              phaseTitles={phaseTitles}
              focusRequest={focusRequest}
              openQueries={openQueries}
            />
            {rows.length === 0 && <p className="chron-empty">{data.rows.length === 0 ? emptyText : 'No rows match these filters.'}</p>}
          </>
        )
      ) : (
        // The timeline starts drawing while the documents load, and fills in when they have.
        <Suspense fallback={<LoadingMessage text="Loading the timeline…" />}>
          <TimelineView rows={rows} agencies={data.agencies} phases={phases ?? NO_PHASES} onOpenRow={openFromTimeline} />
        </Suspense>
      )}
      {data.loaded && (
        <>
          <OrgChangesSection
            agencies={data.agencies}
            sharedByAgency={data.sharedByAgency}
            canWriteAgency={canWriteAgency}
            ownAgencyId={ownAgency}
            todayIso={isoDateInLondon(new Date())}
            queries={{
              visible: (agencyId) => mayReadAgencyEvidence(membership, agencyId),
              mayAsk: mayAskQuery(membership),
              threadCount: (_agencyId, changeId) => allQueries.get(`change:${changeId}`) ?? 0,
              openCount: (_agencyId, changeId) => openQueries.get(`change:${changeId}`) ?? 0,
              render: (agencyId, changeId) => (
                <RowQueries
                  reviewId={reviewId}
                  agencyId={agencyId}
                  target={{ kind: 'org-change', changeId }}
                  label="this change"
                  member={membership}
                  onChanged={() => void reloadQueries()}
                />
              ),
            }}
          />
          <PractitionersPanel agencies={data.agencies} sharedByAgency={data.sharedByAgency} canWriteAgency={canWriteAgency} />
        </>
      )}
      {panel && (
        <Dialog title={panelTitle} titleId="chronology-panel-title" onClose={close}>
          {panel.kind === 'import' && (
            <ImportPanel reviewId={reviewId} agencies={writable} initialAgencyId={writable.find((a) => a.id === ownAgency)?.id ?? writable[0]?.id ?? ''} onClose={close} />
          )}
          {panel.kind === 'export' && <ExportPanel reviewId={reviewId} />}
          {panel.kind === 'row' && panel.reading && (
            <RowReading
              panel={panel}
              agency={data.agencies.find((a) => a.id === panel.agencyId)}
              people={peopleById}
              current={rowsById.get(panel.opened.id) ?? null}
              phaseTitles={phaseTitles}
              canEdit={!!editable}
              onEdit={() => setPanel({ ...panel, reading: false })}
              onClose={close}
            />
          )}
          {panel.kind === 'row' && panel.reading && (
            // Queries belong to reading as much as to editing: the review team asks while reading a row.
            <RowQueries
              reviewId={reviewId}
              agencyId={panel.agencyId}
              target={{ kind: 'chronology-row', entryId: panel.opened.id }}
              label="this row"
              member={membership}
              onChanged={() => void reloadQueries()}
            />
          )}
          {panel.kind === 'row' && !panel.reading && (
            <>
              {saveError && (
                <Notice tone="error" role="alert" title="The row was not saved">
                  <p>{saveError}</p>
                </Notice>
              )}
              <EntryPanel
                key={panel.opened.id}
                isNew={panel.isNew}
                opened={panel.opened}
                openedTeam={panel.openedTeam}
                current={(data.entriesByAgency[panel.agencyId] ?? []).find((e) => e.id === panel.opened.id) ?? null}
                currentTeam={data.teamFields.get(panel.opened.id) ?? blankTeamFields()}
                agencyId={panel.agencyId}
                agencyChoices={panel.isNew ? writable : []}
                agencyOf={(id) => data.agencies.find((a) => a.id === id)}
                canEditEntry={canWriteAgency(panel.agencyId)}
                canEditTeam={canWriteTeam}
                people={data.people}
                peopleById={peopleById}
                phases={phases}
                childDateOfBirth={childDateOfBirth}
                todayIso={isoDateInLondon(new Date())}
                sequenceFor={sequenceFor}
                onSave={save}
                onRemove={remove}
                onCancel={close}
                otherEditors={editors.get(panel.opened.id) ?? []}
                live={
                  data.sharedByAgency[panel.agencyId] ? { doc: data.sharedByAgency[panel.agencyId]!.doc, awareness: data.sharedByAgency[panel.agencyId]!.provider.awareness } : null
                }
                liveTeam={data.team ? { doc: data.team.doc, provider: data.team.provider } : null}
              />
              {!panel.isNew && (
                <RowQueries
                  reviewId={reviewId}
                  agencyId={panel.agencyId}
                  target={{ kind: 'chronology-row', entryId: panel.opened.id }}
                  label="this row"
                  member={membership}
                  onChanged={() => void reloadQueries()}
                />
              )}
            </>
          )}
        </Dialog>
      )}
      {data.connectors}
      {printing &&
        data.loaded &&
        createPortal(
          <div className="chron-print">
            <h1 className="chron-print__title">{detail.review.title}: integrated chronology</h1>
            <p className="chron-print__meta">
              Printed {new Date().toLocaleDateString('en-GB')}. {rows.length} of {data.rows.length} rows{rows.length < data.rows.length ? ' (filtered)' : ''}. Each row is in its
              agency&rsquo;s colour and names its agency code.
            </p>
            <ChronologyFullTable rows={sorted} people={peopleById} phaseTitles={phaseTitles} terms={terms} caption="Integrated chronology" id="chronology-print" />
          </div>,
          document.body,
        )}
    </>
  );
}

/** A row to read whole, with its review team fields, and the way to edit it for those who may. */
function RowReading({
  panel,
  agency,
  people,
  current,
  phaseTitles,
  canEdit,
  onEdit,
  onClose,
}: {
  panel: Extract<Panel, { kind: 'row' }>;
  agency: { name: string; shortCode: string } | undefined;
  people: ReadonlyMap<string, Person>;
  current: IntegratedRow | null;
  phaseTitles: ReadonlyMap<string, string>;
  canEdit: boolean;
  onEdit(): void;
  onClose(): void;
}) {
  // Show the row as it is now: a colleague may have changed it since it was opened.
  const entry = current ? entryOf(current) : panel.opened;
  const team = current?.team ?? panel.openedTeam;
  return (
    <div className="chron-reading" data-testid="row-reading">
      {!current && (
        <Notice tone="info" title="This row has been removed">
          <p>Someone removed it while it was open.</p>
        </Notice>
      )}
      <HistoryLink doc={`chronology.${panel.agencyId}`} root="entries" itemKey={panel.opened.id}>
        History of this row
      </HistoryLink>
      <EntryDetails entry={entry} agencyName={agency?.name ?? ''} agencyCode={agency?.shortCode ?? ''} people={people} />
      <h3 className="chron-form__heading">Review team</h3>
      <TeamDetails team={team} phaseTitle={team.phaseId ? (phaseTitles.get(team.phaseId) ?? null) : null} />
      <div className="button-row">
        {canEdit && current && (
          <button type="button" className="button" onClick={onEdit}>
            Edit this row
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
