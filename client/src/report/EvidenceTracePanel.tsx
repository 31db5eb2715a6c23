import { useState } from 'react';
import { evidenceTrace, reportThemesFromKeyThemes } from '../../../shared/evidence/index.js';
import { evidencePaths, ThemesSchema } from '../evidence/evidenceApi.js';
import { linkLabel } from '../evidence/themeForm.js';
import { useApiData } from '../hooks/useApiData.js';
import type { BuilderKit } from './builderKit.js';
import { SectionPanel } from './SectionPanel.js';

/** Query threads are working notes: the trace names an answer by its kind only, never quoting it near the draft. */
const NO_QUERY_TEXT: readonly never[] = [];

/**
 * Where the report's analysis comes from: the review team's key themes for analysis become analysis
 * themes (one button), and each learning point shows the theme and evidence it came from and the
 * recommendations it leads to: evidence → theme → learning point → recommendation. Builder only:
 * the chain is for the review team, never printed in the report.
 */
export function EvidenceTracePanel({
  reviewId,
  agencies,
  kit,
  removedPrompts,
  onTogglePrompt,
  onAnnounce,
}: {
  reviewId: string;
  /** The review's agencies, to name each piece of evidence's agency. */
  agencies: readonly { id: string; name: string }[];
  kit: BuilderKit;
  removedPrompts: readonly string[];
  onTogglePrompt(promptId: string): void;
  onAnnounce(message: string): void;
}) {
  const themes = useApiData(evidencePaths.themes(reviewId), ThemesSchema);
  const agencyName = (id: string) => agencies.find((a) => a.id === id)?.name ?? 'Agency';
  const [open, setOpen] = useState(false);
  const keyThemes = themes.data?.themes ?? [];
  const toAdd = reportThemesFromKeyThemes(keyThemes, kit.draft.themes);
  const trace = evidenceTrace(keyThemes, kit.draft);
  const addThemes = () => {
    const room = Math.max(0, 20 - kit.draft.themes.length);
    const adding = toAdd.slice(0, room);
    kit.dispatch({ type: 'replace', draft: { ...kit.draft, themes: [...kit.draft.themes, ...adding] } });
    onAnnounce(`${adding.length === 1 ? '1 analysis theme' : `${adding.length} analysis themes`} added from the key themes.`);
  };
  return (
    <SectionPanel id="report-evidence-trace" title="From evidence to recommendations" removedPrompts={removedPrompts} onTogglePrompt={onTogglePrompt}>
      {themes.error && <p>The key themes could not be loaded: {themes.error}</p>}
      <p>
        {keyThemes.length === 0
          ? 'The review team has not recorded any key themes for analysis yet (Evidence tab).'
          : `${keyThemes.length === 1 ? '1 key theme' : `${keyThemes.length} key themes`} recorded; ${toAdd.length === 0 ? 'all are analysis themes of this report.' : `${toAdd.length} not yet in the report.`}`}
      </p>
      {toAdd.length > 0 && (
        <button type="button" className="button button--secondary" onClick={addThemes}>
          Add the key themes as analysis themes
        </button>
      )}
      <div className="button-row">
        <button type="button" className="button button--secondary" aria-expanded={open} aria-controls="evidence-trace-list" onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'} where each learning point comes from
        </button>
      </div>
      <ol id="evidence-trace-list" hidden={!open}>
        {trace.map((lp) => (
          <li key={lp.id}>
            <p>
              <strong>Learning point {lp.number}:</strong> {lp.text}
            </p>
            <p>
              Theme: {lp.reportTheme ? lp.reportTheme.title : 'none chosen'}
              {lp.keyTheme && lp.keyTheme.title !== lp.reportTheme?.title ? ` (key theme “${lp.keyTheme.title}”)` : ''}
            </p>
            <p>Evidence: {lp.evidence.length === 0 ? 'none linked' : lp.evidence.map((e) => linkLabel(e, agencyName, NO_QUERY_TEXT)).join('; ')}</p>
            <p>Recommendations: {lp.recommendations.length === 0 ? 'none yet' : lp.recommendations.map((r) => `${r.number}. ${r.text}`).join('; ')}</p>
          </li>
        ))}
      </ol>
      {trace.length === 0 && open && <p>No learning points yet.</p>}
    </SectionPanel>
  );
}
