import { useEffect, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ChronologyDateSchema } from '../../../shared/chronology/chronologyDate.js';
import { evidenceLinkKey, mayEditKeyThemes, type EvidenceLink, type EvidenceQuery, type KeyTheme } from '../../../shared/evidence/index.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useApiData } from '../hooks/useApiData.js';
import { evidencePaths, ThemesSchema, type EvidenceOverview } from './evidenceApi.js';
import { BLANK_THEME_FORM, formFromTheme, linkDomId, linkLabel, themeBody, themeFormError, themeLinkOptions, toggleLink, type ThemeForm, type ThemeRow } from './themeForm.js';

/** The parts of GET /api/reviews/:id/chronology a theme links to: the key practice learning events. */
const RowsSchema = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      agencyId: z.string(),
      date: ChronologyDateSchema,
      keyEvent: z.string(),
      team: z.object({ keyLearning: z.boolean() }),
    }),
  ),
});

/** How links read on this screen. */
type Labeller = (l: EvidenceLink) => string;

/** The theme form, for a new theme or an existing one: title, why it matters, and the evidence it rests on. */
export function ThemeEditor({
  idPrefix,
  initial,
  options,
  label,
  submitText,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: ThemeForm;
  options: readonly EvidenceLink[];
  label: Labeller;
  submitText: string;
  onSubmit(form: ThemeForm): Promise<string | null>;
  onCancel?(): void;
}) {
  const [form, setForm] = useState<ThemeForm>(initial);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const picked = new Set(form.links.map(evidenceLinkKey));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = themeFormError(form);
    if (problem) {
      setError(problem);
      document.getElementById(`${idPrefix}-title`)?.focus();
      return;
    }
    setBusy(true);
    const failed = await onSubmit(form);
    setBusy(false);
    if (failed) setError(failed);
    else {
      setError('');
      setForm(BLANK_THEME_FORM);
    }
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={submitText}>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <TextField id={`${idPrefix}-title`} label="Theme" value={form.title} onChange={(title) => setForm({ ...form, title })} />
      <TextAreaField id={`${idPrefix}-summary`} label="Why it matters" value={form.summary} onChange={(summary) => setForm({ ...form, summary })} rows={3} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Evidence it rests on</legend>
        {options.length === 0 && <p>No key practice learning rows, analyses or answers to link yet.</p>}
        {options.map((l) => {
          const k = evidenceLinkKey(l);
          return (
            <CheckboxField
              key={k}
              id={linkDomId(`${idPrefix}-link`, l)}
              label={label(l)}
              checked={picked.has(k)}
              onChange={(on) => setForm({ ...form, links: toggleLink(form.links, l, on) })}
            />
          );
        })}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {submitText}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** One recorded theme: its evidence with an unlink button each, and edit and remove (after a confirmation). */
function ThemeItem({
  theme,
  canEdit,
  label,
  onEdit,
  onSave,
  onRemove,
}: {
  theme: KeyTheme;
  canEdit: boolean;
  label: Labeller;
  onEdit(): void;
  onSave(form: ThemeForm, done: string): Promise<string | null>;
  onRemove(): Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const unlink = (l: EvidenceLink) => void onSave({ ...formFromTheme(theme), links: toggleLink(theme.evidence, l, false) }, `${label(l)} was unlinked from “${theme.title}”.`);
  return (
    <li className="ws-response">
      <h4 id={`theme-${theme.id}-heading`} tabIndex={-1}>
        {theme.title}
      </h4>
      {theme.summary && <p className="pre-wrap">{theme.summary}</p>}
      {theme.evidence.length === 0 ? (
        <p>No evidence linked yet.</p>
      ) : (
        <ul aria-label={`Evidence for ${theme.title}`}>
          {theme.evidence.map((l) => (
            <li key={evidenceLinkKey(l)}>
              {label(l)}
              {canEdit && (
                <>
                  {' '}
                  <button type="button" className="button button--secondary button--small" onClick={() => unlink(l)}>
                    Unlink
                    <span className="visually-hidden">
                      {' '}
                      {label(l)} from {theme.title}
                    </span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && !confirming && (
        <div className="button-row">
          <button type="button" id={`theme-${theme.id}-edit`} className="button button--secondary button--small" onClick={onEdit}>
            Edit theme: {theme.title}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
            Remove theme: {theme.title}
          </button>
        </div>
      )}
      {canEdit && confirming && (
        <fieldset className="plain-group">
          <legend>Remove “{theme.title}” and its links? The report keeps any analysis theme already made from it.</legend>
          <div className="button-row">
            <button type="button" ref={confirmRef} className="button button--warning button--small" onClick={() => void onRemove()}>
              Yes, remove “{theme.title}”
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}

/**
 * The key themes for analysis (§8.8), each with the evidence it rests on: key practice learning rows,
 * template analyses, report sections and agencies' answers to queries. The review team records, edits,
 * links and unlinks evidence, and removes them; observers read them. All by keyboard.
 */
export function KeyThemesPanel({
  reviewId,
  data,
  queries,
  onChanged,
}: {
  reviewId: string;
  data: EvidenceOverview;
  queries: readonly EvidenceQuery[];
  onChanged(m: string): void;
}) {
  const themes = useApiData(evidencePaths.themes(reviewId), ThemesSchema);
  const chronology = useApiData(`/api/reviews/${encodeURIComponent(reviewId)}/chronology`, RowsSchema);
  const rows: readonly ThemeRow[] = chronology.data?.rows ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState('');
  const focusAfter = useRef<string | null>(null);
  const canEdit = mayEditKeyThemes(data.me);
  const agencyName = (id: string) => data.agencies.find((a) => a.id === id)?.name ?? 'Agency';
  const label: Labeller = (l) => linkLabel(l, agencyName, queries, rows);
  const optionsFor = (current: readonly EvidenceLink[]) =>
    themeLinkOptions({
      rows,
      requests: data.requests,
      kloeCount: data.scope.keyLinesOfEnquiry.length,
      queries,
      current,
    });

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const send = async (fn: () => Promise<unknown>, done: string, focusId: string): Promise<string | null> => {
    try {
      await fn();
      await themes.reload();
      focusAfter.current = focusId;
      setError('');
      onChanged(done);
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  };
  const create = (form: ThemeForm) =>
    send(() => apiRequest('POST', evidencePaths.themes(reviewId), { body: themeBody(form) }), `The key theme “${form.title.trim()}” was recorded.`, 'themes-heading');
  const save = (t: KeyTheme, form: ThemeForm, done: string) =>
    send(
      async () => {
        await apiRequest('PUT', evidencePaths.theme(reviewId, t.id), { body: themeBody(form, t.version) });
        setEditing(null);
      },
      done,
      `theme-${t.id}-edit`,
    );
  const remove = async (t: KeyTheme) => {
    const failed = await send(() => apiRequest('DELETE', evidencePaths.theme(reviewId, t.id)), `The key theme “${t.title}” was removed.`, 'themes-heading');
    if (failed) setError(failed);
  };

  return (
    <section aria-labelledby="themes-heading">
      <h3 id="themes-heading" tabIndex={-1}>
        Key themes for analysis
      </h3>
      <p>As few as practicable, about why things happened. They become the workshop’s proposed lessons and the report’s analysis sections.</p>
      {themes.error && (
        <p className="field__error" role="alert">
          {themes.error}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {themes.data && themes.data.themes.length === 0 && <p>No key themes recorded yet.</p>}
      {themes.data && themes.data.themes.length > 0 && (
        <ol className="ws-responses">
          {themes.data.themes.map((t) =>
            editing === t.id ? (
              <li key={t.id} className="ws-response">
                <ThemeEditor
                  idPrefix={`theme-edit-${t.id}`}
                  initial={formFromTheme(t)}
                  options={optionsFor(t.evidence)}
                  label={label}
                  submitText={`Save theme: ${t.title}`}
                  onSubmit={(form) => save(t, form, `The key theme “${form.title.trim()}” was saved.`)}
                  onCancel={() => {
                    focusAfter.current = `theme-${t.id}-edit`;
                    setEditing(null);
                  }}
                />
              </li>
            ) : (
              <ThemeItem
                key={t.id}
                theme={t}
                canEdit={canEdit}
                label={label}
                onEdit={() => {
                  focusAfter.current = `theme-edit-${t.id}-title`;
                  setEditing(t.id);
                }}
                onSave={async (form, done) => {
                  const failed = await save(t, form, done);
                  if (failed) setError(failed);
                  return failed;
                }}
                onRemove={() => remove(t)}
              />
            ),
          )}
        </ol>
      )}
      {canEdit && (
        <>
          <h4>Add a key theme</h4>
          <ThemeEditor idPrefix="theme" initial={BLANK_THEME_FORM} options={optionsFor([])} label={label} submitText="Record key theme" onSubmit={create} />
        </>
      )}
    </section>
  );
}
