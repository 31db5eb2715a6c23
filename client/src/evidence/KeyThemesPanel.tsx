import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ChronologyDateSchema, formatChronologyDate } from '../../../shared/chronology/chronologyDate.js';
import {
  EVIDENCE_LINK_LABELS, REPORT_SECTION_LABELS, evidenceLinkKey, isReportSectionKey, mayEditKeyThemes, templateSectionLabel,
  type EvidenceLink, type EvidenceQuery,
} from '../../../shared/evidence/index.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useApiData } from '../hooks/useApiData.js';
import { evidencePaths, ThemesSchema, type EvidenceOverview } from './evidenceApi.js';

/** The parts of GET /api/reviews/:id/chronology a theme links to: the key practice learning events. */
const RowsSchema = z.object({ rows: z.array(z.object({
  id: z.string(), agencyId: z.string(), date: ChronologyDateSchema, keyEvent: z.string(), team: z.object({ keyLearning: z.boolean() }),
})) });

/** A chronology row as a link label shows it. */
type RowView = z.infer<typeof RowsSchema>['rows'][number];

/** A link in words, naming its agency. */
export function linkLabel(l: EvidenceLink, agencyName: (id: string) => string, queries: readonly EvidenceQuery[], rows: readonly RowView[] = []): string {
  switch (l.kind) {
    case 'chronology-row': {
      const r = rows.find((x) => x.id === l.entryId);
      return `${EVIDENCE_LINK_LABELS[l.kind]} (${agencyName(l.agencyId)})${r ? `: ${formatChronologyDate(r.date)}, ${r.keyEvent.slice(0, 80)}` : ''}`;
    }
    case 'template-analysis': return `${agencyName(l.agencyId)} learning template, ${templateSectionLabel(l.section)}`;
    case 'report-section': return `${agencyName(l.agencyId)} information report, ${isReportSectionKey(l.section) ? REPORT_SECTION_LABELS[l.section] : l.section}`;
    case 'query-answer': {
      const q = queries.find((x) => x.id === l.queryId);
      const m = q?.messages.find((x) => x.id === l.messageId);
      return `${EVIDENCE_LINK_LABELS[l.kind]} from ${q ? agencyName(q.agencyId) : 'an agency'}${m ? `: “${m.text.slice(0, 80)}”` : ''}`;
    }
  }
}

/**
 * The key themes for analysis (§8.8), each with the evidence it rests on: template analyses, report
 * sections and agencies' answers to queries. The review team records them; observers read them.
 */
export function KeyThemesPanel({ reviewId, data, queries, onChanged }: { reviewId: string; data: EvidenceOverview; queries: readonly EvidenceQuery[]; onChanged(m: string): void }) {
  const themes = useApiData(evidencePaths.themes(reviewId), ThemesSchema);
  const chronology = useApiData(`/api/reviews/${encodeURIComponent(reviewId)}/chronology`, RowsSchema);
  const rows = chronology.data?.rows ?? [];
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [links, setLinks] = useState<EvidenceLink[]>([]);
  const [error, setError] = useState('');
  const canEdit = mayEditKeyThemes(data.me);
  const agencyName = (id: string) => data.agencies.find((a) => a.id === id)?.name ?? 'Agency';

  const options: EvidenceLink[] = [
    ...rows.filter((r) => r.team.keyLearning).map((r): EvidenceLink => ({ kind: 'chronology-row', agencyId: r.agencyId, entryId: r.id })),
    ...data.requests.filter((r) => r.kind === 'learning-template').flatMap((r) => data.scope.keyLinesOfEnquiry.map((_, i): EvidenceLink => ({ kind: 'template-analysis', agencyId: r.agencyId, section: `kloe-${i + 1}` }))),
    ...data.requests.filter((r) => r.kind === 'information-report').flatMap((r) => (['q4', 'q5', 'q6'] as const).map((s): EvidenceLink => ({ kind: 'report-section', agencyId: r.agencyId, section: s }))),
    ...queries.flatMap((q) => q.messages.filter((m) => m.kind === 'answer').map((m): EvidenceLink => ({ kind: 'query-answer', queryId: q.id, messageId: m.id }))),
  ];
  const picked = new Set(links.map(evidenceLinkKey));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('Give the theme a title.');
    try {
      await apiRequest('POST', evidencePaths.themes(reviewId), { body: { title, summary, evidence: links } });
      setTitle(''); setSummary(''); setLinks([]); setError('');
      await themes.reload();
      onChanged('The key theme was recorded.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const remove = async (id: string, t: string) => {
    try {
      await apiRequest('DELETE', evidencePaths.theme(reviewId, id));
      await themes.reload();
      onChanged(`The key theme “${t}” was removed.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="themes-heading">
      <h3 id="themes-heading">Key themes for analysis</h3>
      <p>As few as practicable, about why things happened. They become the workshop’s proposed lessons and the report’s analysis sections.</p>
      {themes.error && <p className="field__error" role="alert">{themes.error}</p>}
      {themes.data && themes.data.themes.length === 0 && <p>No key themes recorded yet.</p>}
      <ol>
        {themes.data?.themes.map((t) => (
          <li key={t.id}>
            <strong>{t.title}</strong>
            {t.summary && <p className="pre-wrap">{t.summary}</p>}
            <ul>{t.evidence.map((l) => <li key={evidenceLinkKey(l)}>{linkLabel(l, agencyName, queries, rows)}</li>)}</ul>
            {canEdit && <button type="button" className="button button--secondary button--small" onClick={() => void remove(t.id, t.title)}>Remove theme: {t.title}</button>}
          </li>
        ))}
      </ol>
      {canEdit && (
        <form className="panel" onSubmit={add} noValidate aria-label="Add a key theme">
          {error && <p className="field__error" role="alert">{error}</p>}
          <TextField id="theme-title" label="Theme" value={title} onChange={setTitle} />
          <TextAreaField id="theme-summary" label="Why it matters" value={summary} onChange={setSummary} rows={3} />
          <fieldset className="fieldset">
            <legend className="fieldset__legend">Evidence it rests on</legend>
            {options.length === 0 && <p>No analyses or answers to link yet.</p>}
            {options.map((l) => {
              const k = evidenceLinkKey(l);
              return <CheckboxField key={k} id={`theme-link-${k.replace(/[^a-z0-9-]/gi, '-')}`} label={linkLabel(l, agencyName, queries, rows)} checked={picked.has(k)}
                onChange={(on) => setLinks(on ? [...links, l] : links.filter((x) => evidenceLinkKey(x) !== k))} />;
            })}
          </fieldset>
          <button type="submit" className="button">Record key theme</button>
        </form>
      )}
    </section>
  );
}
