import { useState, type FormEvent } from 'react';
import { goodPracticeKeys, OTHER_LEARNING_POINTS, themeMembers } from '../../../shared/workshop/outcome.js';
import type { WorkshopSetup } from '../../../shared/workshop/workshop.js';
import { OutcomeSaveStatus } from './OutcomeSaveStatus.js';
import type { OutcomeEditor } from './useOutcome.js';

/**
 * Capturing the outcome (issue 5, item 7): themes (responses are assigned to them in Results), good
 * practice, the child's lived experience, and draft learning points from the proposed lessons. It is
 * saved on the server as the facilitator works, and the report export draws on it.
 */
export function OutcomePanel({ setup, editor }: { setup: WorkshopSetup; editor: OutcomeEditor }) {
  const { outcome, dispatch, ready, state } = editor;
  const [newTheme, setNewTheme] = useState('');
  const addTheme = (e: FormEvent) => {
    e.preventDefault();
    if (!newTheme.trim()) return;
    dispatch({ type: 'add-theme', title: newTheme });
    setNewTheme('');
  };
  const good = goodPracticeKeys(outcome).length;
  return (
    <section aria-labelledby="outcome-heading" className="ws-outcome">
      <h3 id="outcome-heading">Outcome</h3>
      <p className="muted">
        Saved for the review as you work. The report uses the notes on the child’s lived experience and the good practice; the report builder can add the draft learning points to
        its list.
      </p>
      <OutcomeSaveStatus state={state} live onReload={editor.reload} onRetry={editor.retry} />
      {ready && (
        <>
          <h4>Themes</h4>
          <p className="muted">Add themes here, then choose a theme for each response under Results.</p>
          <form onSubmit={addTheme} className="label-row">
            <div className="field">
              <label className="field__label" htmlFor="new-theme">
                New theme
              </label>
              <input id="new-theme" className="input" value={newTheme} maxLength={200} onChange={(e) => setNewTheme(e.target.value)} />
            </div>
            <button type="submit" className="button button--secondary">
              Add theme
            </button>
          </form>
          {outcome.themes.length === 0 ? (
            <p>No themes yet.</p>
          ) : (
            <ul className="plain-list ws-themes">
              {outcome.themes.map((t, i) => {
                const n = themeMembers(outcome, t.id).length;
                return (
                  <li key={t.id} className="panel">
                    <div className="field">
                      <label className="field__label" htmlFor={`theme-${t.id}-title`}>
                        Theme {i + 1}
                      </label>
                      <input
                        id={`theme-${t.id}-title`}
                        className="input"
                        value={t.title}
                        maxLength={200}
                        onChange={(e) => dispatch({ type: 'rename-theme', id: t.id, title: e.target.value })}
                      />
                    </div>
                    <p>{n === 1 ? '1 response' : `${n} responses`} grouped here.</p>
                    <div className="field">
                      <label className="field__label" htmlFor={`theme-${t.id}-notes`}>
                        Notes on theme {i + 1}
                      </label>
                      <textarea
                        id={`theme-${t.id}-notes`}
                        className="textarea"
                        rows={3}
                        value={t.notes}
                        maxLength={10_000}
                        onChange={(e) => dispatch({ type: 'theme-notes', id: t.id, notes: e.target.value })}
                      />
                    </div>
                    <button type="button" className="button button--secondary button--small" onClick={() => dispatch({ type: 'remove-theme', id: t.id })}>
                      Remove theme<span className="visually-hidden"> {t.title || i + 1}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}

          <h4>Good practice</h4>
          <p>{good === 1 ? '1 response is' : `${good} responses are`} marked as good practice (mark them under Results).</p>
          <div className="field">
            <label className="field__label" htmlFor="good-practice-notes">
              Notes on good practice
            </label>
            <p className="field__hint" id="good-practice-notes-hint">
              Shown in the report’s good practice section, with the responses marked as good practice.
            </p>
            <textarea
              id="good-practice-notes"
              className="textarea"
              rows={3}
              value={outcome.goodPracticeNotes}
              maxLength={10_000}
              aria-describedby="good-practice-notes-hint"
              onChange={(e) => dispatch({ type: 'good-practice-notes', text: e.target.value })}
            />
          </div>

          <h4>The child’s lived experience</h4>
          <div className="field">
            <label className="field__label" htmlFor="lived-experience">
              Notes on the child’s lived experience
            </label>
            <textarea
              id="lived-experience"
              className="textarea"
              rows={4}
              value={outcome.livedExperience}
              maxLength={10_000}
              onChange={(e) => dispatch({ type: 'lived-experience', text: e.target.value })}
            />
          </div>

          <h4>Draft learning points</h4>
          {setup.lessons.map((l, i) => (
            <div className="field" key={l.id}>
              <label className="field__label" htmlFor={`learning-${l.id}`}>
                Learning point from proposed lesson {i + 1}
              </label>
              <p className="field__hint" id={`learning-${l.id}-hint`}>
                {l.text}
              </p>
              <textarea
                id={`learning-${l.id}`}
                className="textarea"
                rows={3}
                aria-describedby={`learning-${l.id}-hint`}
                maxLength={10_000}
                value={outcome.learningPoints[l.id] ?? ''}
                onChange={(e) => dispatch({ type: 'learning-point', lessonId: l.id, text: e.target.value })}
              />
            </div>
          ))}
          <div className="field">
            <label className="field__label" htmlFor="learning-other">
              Other learning points
            </label>
            <p className="field__hint" id="learning-other-hint">
              Leave a blank line between learning points.
            </p>
            <textarea
              id="learning-other"
              className="textarea"
              rows={3}
              aria-describedby="learning-other-hint"
              maxLength={10_000}
              value={outcome.learningPoints[OTHER_LEARNING_POINTS] ?? ''}
              onChange={(e) => dispatch({ type: 'learning-point', lessonId: OTHER_LEARNING_POINTS, text: e.target.value })}
            />
          </div>
        </>
      )}
    </section>
  );
}
