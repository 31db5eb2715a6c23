import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { ZodError } from 'zod';
import { isoDateInLondon } from '../../../shared/dates.js';
import { docAccess } from '../../../shared/docAccess.js';
import { newId } from '../../../shared/ids.js';
import { removePerson, writePerson } from '../../../shared/peopleDoc.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import {
  GenogramRuleError,
  clearPositions,
  forgetPerson,
  removeHousehold,
  removeRelationship,
  setBirthStatus,
  setPosition,
  writeHousehold,
  type Point,
} from '../../../shared/genogram/index.js';
import type { ReviewDetail } from '../api/schemas.js';
import { Notice } from '../components/Notice.js';
import { SkippedRecordsNotice } from '../components/SkippedRecordsNotice.js';
import { usePresence } from '../hooks/usePresence.js';
import { mergePersonEdit } from '../lib/personForm.js';
import { PresenceBar } from '../people/PresenceBar.js';
import { useMe } from '../session/sessionContext.js';
import { addRelative, saveRelationship } from './actions.js';
import { ExportPanel } from './ExportPanel.js';
import { download, genogramSvg, svgToPng } from './exportGenogram.js';
import { FamilyList } from './FamilyList.js';
import { GenogramCanvas } from './GenogramCanvas.js';
import { GenogramDialogs, type DialogState } from './GenogramDialogs.js';
import { GenogramSyncStatus } from './GenogramSyncStatus.js';
import { HouseholdsSection } from './HouseholdsSection.js';
import { Legend } from './Legend.js';
import { nameResolver, type LabelMode } from './names.js';
import { PersonPanel } from './PersonPanel.js';
import type { GenogramDocs } from './undo.js';
import { useGenogram } from './useGenogram.js';

/**
 * The Genogram tab: the family drawn from the people register in safeguarding notation, co-edited live
 * (review.<id>.people and review.<id>.genogram), with a side panel for the selected person, undo and
 * redo of one's own changes, a key, households, export, and the family written out as a list.
 */
export function GenogramTab({ detail, onAccessChanged }: { detail: ReviewDetail; onAccessChanged(): void }) {
  const me = useMe();
  const reviewId = detail.review.id;
  const childPseudonym = detail.review.childPseudonym;
  const canWrite = docAccess({ reviewId, kind: 'genogram' }, { reviewId, role: detail.membership.role, agencyId: detail.membership.agencyId }) === 'write';
  const { genogramShared, peopleShared, register, skipped, relationships, family, positions, facts, undo } = useGenogram(reviewId, onAccessChanged);
  const presence = usePresence(genogramShared?.provider ?? null, me.user.name);
  const [todayIso] = useState(() => isoDateInLondon(new Date()));
  const [labelMode, setLabelMode] = useState<LabelMode>('names');
  const nameOf = useMemo(() => nameResolver(register, childPseudonym, labelMode), [register, childPseudonym, labelMode]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [announcement, setAnnouncement] = useState('');
  const [centreOn, setCentreOn] = useState<{ id: string; at: Point; seq: number } | null>(null);
  const [focusPanel, requestPanelFocus] = useReducer((n: number) => n + 1, 0);
  const [, undoChanged] = useReducer((n: number) => n + 1, 0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const selected = selectedId ? (family.byId.get(selectedId) ?? null) : null;

  useEffect(() => undo?.subscribe(undoChanged), [undo]);
  useEffect(() => {
    if (focusPanel > 0) headingRef.current?.focus();
  }, [focusPanel]);
  useEffect(() => {
    if (!canWrite) setDialog(null);
  }, [canWrite]);
  // Tell the others whom this person has open; presence is never stored.
  useEffect(() => {
    genogramShared?.provider.awareness.setLocalStateField('editing', selectedId);
  }, [genogramShared, selectedId]);

  /** Runs one undoable change; returns a problem to show, or null when written. */
  const run = useCallback(
    (action: (d: GenogramDocs) => void, done: string): string | null => {
      if (!undo) return 'The genogram is still loading. Try again in a moment.';
      try {
        undo.record(action);
        if (done) setAnnouncement(done);
        return null;
      } catch (err) {
        if (err instanceof GenogramRuleError) return err.message;
        if (err instanceof ZodError) return 'That change is not valid. Check the details and try again.';
        throw err;
      }
    },
    [undo],
  );

  const openPerson = useCallback(
    (id: string) => {
      setSelectedId(id);
      const at = positions.get(id);
      if (at) setCentreOn({ id, at, seq: Date.now() });
      requestPanelFocus();
    },
    [positions],
  );
  const backToDrawing = (id: string) => {
    document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
  };
  const nudge = (id: string, dx: number, dy: number) => {
    const at = positions.get(id);
    if (!at) return;
    const where = dx < 0 ? 'left' : dx > 0 ? 'right' : dy < 0 ? 'up' : 'down';
    run((d) => setPosition(d.genogram, id, { x: at.x + dx, y: at.y + dy }), `Moved ${nameOf(id)} ${where}.`);
  };
  const onUndoKeys = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!(e.ctrlKey || e.metaKey) || target.closest('input, textarea, select, dialog')) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey && undo?.canUndo) {
      e.preventDefault();
      undo.undo();
      setAnnouncement('Undone.');
    } else if (((key === 'z' && e.shiftKey) || key === 'y') && undo?.canRedo) {
      e.preventDefault();
      undo.redo();
      setAnnouncement('Redone.');
    }
  };
  const exportAs = async (format: 'svg' | 'png', mode: LabelMode) => {
    const svg = genogramSvg({
      family,
      positions,
      labelMode: mode,
      todayIso,
      nameOf: nameResolver(register, childPseudonym, mode),
      heading: `Genogram${mode === 'labels' ? ' (report labels)' : ''}, ${todayIso.split('-').reverse().join('/')}. Not for publication.`,
    });
    const base = `genogram-${mode === 'labels' ? 'report-labels' : 'names'}`;
    if (format === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`);
    else download(await svgToPng(svg), `${base}.png`);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Ctrl+Z/Ctrl+Y bubbling up from the focusable controls inside; the wrapper itself takes no input
    <div className="gg-tab" onKeyDown={onUndoKeys}>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Genogram
      </h2>
      <p>
        The family drawn from the people register. Adding someone here adds them to the register, and everyone in the register is drawn here. The genogram is shared at Review Team
        meetings and the workshop, and never goes into the published report.
      </p>
      <div className="register-bar">
        <GenogramSyncStatus facts={facts} readOnly={!canWrite} />
        <PresenceBar entries={presence} people={register} />
      </div>
      <SkippedRecordsNotice count={skipped.people} place="the people register" />
      <SkippedRecordsNotice count={skipped.genogram} place="the genogram" />
      {!canWrite && (
        <Notice tone="info" title="Read only">
          <p>As {ROLE_LABELS[detail.membership.role].toLowerCase()} you can view the genogram but not change it.</p>
        </Notice>
      )}
      <div className="gg-toolbar">
        {canWrite && (
          <>
            <button type="button" className="button" disabled={!undo} onClick={() => setDialog({ kind: 'add', mode: 'person', anchorId: null })}>
              Add a person
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!undo || family.positions.size === 0}
              onClick={() => run((d) => clearPositions(d.genogram), 'Tidied: everyone is back in the automatic layout.')}
            >
              Tidy layout
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!undo?.canUndo}
              onClick={() => {
                undo?.undo();
                setAnnouncement('Undone.');
              }}
            >
              Undo
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!undo?.canRedo}
              onClick={() => {
                undo?.redo();
                setAnnouncement('Redone.');
              }}
            >
              Redo
            </button>
          </>
        )}
        <label className="gg-toolbar__labels">
          <input type="checkbox" className="gg-toolbar__checkbox" checked={labelMode === 'labels'} onChange={(e) => setLabelMode(e.target.checked ? 'labels' : 'names')} />
          Show report labels instead of names
        </label>
      </div>
      <p className="gg-help">
        Select a person with the mouse, or Tab to them and press Enter, to see their details and actions. Drag to move someone, or press Space on them and use the arrow keys.
        {canWrite ? ' Tidy layout puts everyone you moved back in the automatic layout. Undo and redo (Ctrl+Z, Ctrl+Shift+Z) apply to your own changes only.' : ''}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="gg-workspace">
        <GenogramCanvas
          loaded={facts.synced}
          family={family}
          positions={positions}
          nameOf={nameOf}
          labelMode={labelMode}
          todayIso={todayIso}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={openPerson}
          canWrite={canWrite}
          presence={presence}
          centreOn={centreOn}
          onMove={(id, at) => run((d) => setPosition(d.genogram, id, at), '')}
        />
        <section className="gg-panel" aria-label="Selected person">
          {selected ? (
            <PersonPanel
              ref={headingRef}
              person={selected}
              family={family}
              nameOf={nameOf}
              todayIso={todayIso}
              reviewId={reviewId}
              canWrite={canWrite}
              others={presence}
              onAdd={(mode) => setDialog({ kind: 'add', mode, anchorId: selected.id })}
              onEdit={() => {
                const opened = register.find((p) => p.id === selected.id);
                if (opened) setDialog({ kind: 'edit', opened });
              }}
              onAddLine={() => setDialog({ kind: 'line', personId: selected.id })}
              onNudge={(dx, dy) => nudge(selected.id, dx, dy)}
              onBirthStatus={(s) => run((d) => setBirthStatus(d.genogram, selected.id, s), `Birth changed for ${nameOf(selected.id)}.`)}
              onSave={(rel, done) => {
                const problem = run((d) => saveRelationship(d, rel), done);
                if (problem) setAnnouncement(problem);
              }}
              onRemove={(id, done) => run((d) => removeRelationship(d.genogram, id), done)}
              onBack={() => backToDrawing(selected.id)}
            />
          ) : (
            <p className="muted">
              {family.people.length === 0
                ? canWrite
                  ? 'No one is in the genogram yet. Use Add a person to start.'
                  : 'No one is in the genogram yet.'
                : 'Select a person to see their details, relationships and chronology rows.'}
            </p>
          )}
        </section>
      </div>
      <p className="gg-credit">The drawing uses React Flow (MIT licence), with thanks; see the README&rsquo;s acknowledgements.</p>
      <Legend />
      <HouseholdsSection
        family={family}
        nameOf={nameOf}
        canWrite={canWrite}
        onAdd={() => setDialog({ kind: 'household', household: { id: newId(), label: '', memberIds: selectedId ? [selectedId] : [] }, isNew: true })}
        onEdit={(household) => setDialog({ kind: 'household', household, isNew: false })}
        onRemove={(h) => run((d) => removeHousehold(d.genogram, h.id), `Removed the household ${h.label}.`)}
      />
      <ExportPanel onExport={exportAs} disabled={family.people.length === 0} />
      <FamilyList family={family} relationships={relationships} nameOf={nameOf} todayIso={todayIso} onShow={openPerson} />
      <GenogramDialogs
        dialog={dialog}
        family={family}
        register={register}
        nameOf={nameOf}
        childPseudonym={childPseudonym}
        peopleShared={peopleShared}
        otherEditors={(id) => presence.filter((e) => !e.isSelf && e.editing === id).map((e) => e.name)}
        onClose={() => setDialog(null)}
        onAdd={(input) => {
          let added = '';
          const linked = input.plan.kind !== 'person' ? input.plan.existingId : undefined;
          const done = linked ? `Linked ${nameOf(linked)} in the genogram.` : `Added ${input.fields.name} to the genogram and the people register.`;
          const problem = run((d) => {
            added = addRelative(d, input.plan, input.fields, family, childPseudonym);
          }, done);
          if (!problem) {
            setDialog(null);
            setSelectedId(added);
          }
          return problem;
        }}
        onSavePerson={(opened, edited) => {
          const current = register.find((p) => p.id === opened.id) ?? null;
          run((d) => writePerson(d.people, mergePersonEdit(opened, edited, current)), `Saved ${edited.name}.`);
          setDialog(null);
        }}
        onRemovePerson={(opened) => {
          run(
            (d) => {
              removePerson(d.people, opened.id);
              forgetPerson(d.genogram, opened.id);
            },
            `Removed ${opened.name || 'the person'} from the genogram and the register.`,
          );
          setDialog(null);
          setSelectedId(null);
        }}
        onAddLine={(line) => {
          const problem = run((d) => saveRelationship(d, line), 'Added the relationship line.');
          if (!problem) setDialog(null);
          return problem;
        }}
        onSaveHousehold={(h, isNew) => {
          const problem = run((d) => writeHousehold(d.genogram, h, new Set(register.map((p) => p.id))), `${isNew ? 'Added' : 'Saved'} the household ${h.label}.`);
          if (!problem) setDialog(null);
          return problem;
        }}
      />
    </div>
  );
}
