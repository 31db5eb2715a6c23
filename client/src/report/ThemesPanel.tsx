import { TextField } from '../components/TextField.js';
import { itemControlsId, type BuilderKit } from './builderKit.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { MAX_ITEMS } from './draftReducer.js';
import { fieldIds } from './draftValidation.js';
import { ItemControls } from './ItemControls.js';
import { learningPointLabel } from './labels.js';
import type { ChronologyRowView } from './reportApi.js';
import { ReportTextArea } from './ReportTextArea.js';
import { SectionPanel } from './SectionPanel.js';
import { eventChoices, type PromptChoice } from './themeSources.js';

/** Where a theme's choices come from, and whether each source could be loaded. */
export type ThemeSources = {
  rows: readonly ChronologyRowView[];
  rowsProblem: string | null;
  prompts: readonly PromptChoice[];
  promptsProblem: string | null;
};

/**
 * Analysis by theme: a heading per theme or key line of enquiry, its key events from the chronology's
 * key practice learning events, practitioners' reflections from workshop prompts, and the "why" analysis.
 */
export function ThemesPanel({ kit, sources }: { kit: BuilderKit; sources: ThemeSources }) {
  const { draft } = kit;
  const full = draft.themes.length >= MAX_ITEMS.themes;
  const keyCount = sources.rows.filter((r) => r.team.keyLearning).length;
  return (
    <SectionPanel
      id="report-analysis"
      title="Analysis by theme"
      promptId="analysis"
      removedPrompts={draft.removedPrompts}
      onTogglePrompt={(promptId) => kit.dispatch({ type: 'toggle-prompt', promptId })}
    >
      <p className="field__hint">
        Add a theme for each key line of enquiry or emerging theme, for example &lsquo;Inter-agency communication&rsquo;. Without themes, the report uses the key lines of enquiry
        as headings.
      </p>
      {sources.rowsProblem && <p className="field__error">The chronology could not be loaded, so key events cannot be chosen now: {sources.rowsProblem}</p>}
      {sources.promptsProblem && <p className="field__error">{sources.promptsProblem}</p>}
      {draft.themes.length > 0 && (
        <ol className="report-items">
          {draft.themes.map((t, i) => {
            const n = i + 1;
            const lps = draft.learningPoints.filter((lp) => lp.themeId === t.id);
            return (
              <li className="report-item" key={t.id}>
                <h4 id={`report-theme-${t.id}-heading`}>Theme {n}</h4>
                <TextField
                  id={fieldIds.theme(t.id, 'title')}
                  label={`Theme ${n} title`}
                  hint="The heading this theme has in the report."
                  autoComplete="off"
                  value={t.title}
                  error={kit.error(fieldIds.theme(t.id, 'title'))}
                  onChange={(title) => kit.dispatch({ type: 'update-theme', id: t.id, patch: { title } })}
                />
                <CheckboxGroup
                  id={fieldIds.theme(t.id, 'events')}
                  legend={`Key events for theme ${n}`}
                  hint="Key practice learning events from the chronology, listed under this theme in date order and pseudonymised."
                  error={kit.error(fieldIds.theme(t.id, 'events'))}
                  choices={eventChoices(sources.rows, t.entryIds)}
                  checked={t.entryIds}
                  onToggle={(entryId) => kit.dispatch({ type: 'toggle-theme-entry', id: t.id, entryId })}
                  empty={
                    <p className="muted">
                      {keyCount === 0 && !sources.rowsProblem ? 'No events are marked as key practice learning events in the chronology yet.' : 'No events to choose.'}
                    </p>
                  }
                />
                <CheckboxGroup
                  id={fieldIds.theme(t.id, 'prompts')}
                  legend={`Workshop prompts for theme ${n}`}
                  hint="Released, anonymous answers to these prompts are quoted as practitioners' reflections."
                  error={kit.error(fieldIds.theme(t.id, 'prompts'))}
                  choices={sources.prompts}
                  checked={t.promptIds}
                  onToggle={(promptId) => kit.dispatch({ type: 'toggle-theme-prompt', id: t.id, promptId })}
                  empty={<p className="muted">No workshop has been set up for this review.</p>}
                />
                <ReportTextArea
                  kit={kit}
                  id={fieldIds.theme(t.id, 'analysis')}
                  label={`Theme ${n} analysis`}
                  rows={6}
                  hint="Why did things happen as they did? Leave a blank line between paragraphs."
                  root="themes"
                  itemId={t.id}
                  field="analysis"
                />
                <p className="muted">
                  {lps.length === 0
                    ? 'No learning points are linked to this theme yet.'
                    : `Learning points shown under this theme: ${lps.map((lp) => learningPointLabel(draft, lp.id).split(':')[0]).join(', ')}.`}
                </p>
                <ItemControls
                  baseId={itemControlsId('themes', draft, i)}
                  what={`theme ${n}`}
                  index={i}
                  count={draft.themes.length}
                  onMove={(by) => kit.move('themes', i, by, `Theme ${n}`)}
                  onRemove={() => kit.remove('themes', i, `Theme ${n}`)}
                />
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <button type="button" id={fieldIds.add('themes')} className="button button--secondary" disabled={full} onClick={() => kit.add('themes')}>
          Add a theme
        </button>
      </p>
      {full && <p className="muted">The report holds at most {MAX_ITEMS.themes} themes.</p>}
    </SectionPanel>
  );
}
