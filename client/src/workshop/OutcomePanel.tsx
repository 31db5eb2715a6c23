import { useState, type Dispatch, type FormEvent } from 'react';
import type { WorkshopSetup } from '../../../shared/workshop/workshop.js';
import { Notice } from '../components/Notice.js';
import { goodPractice, themeMembers, type Outcome, type OutcomeAction } from './outcome.js';

/**
 * Capturing the outcome (issue 5, item 7): themes (responses are assigned to them in Results), good
 * practice, the child's lived experience, and draft learning points from the proposed lessons. Until
 * the server stores the outcome, it is kept in this browser tab only, and the screen says so.
 */
export function OutcomePanel({ setup, outcome, dispatch, kept }: {
  setup: WorkshopSetup;
  outcome: Outcome;
  dispatch: Dispatch<OutcomeAction>;
  kept: boolean;
}) {
  const [newTheme, setNewTheme] = useState('');
  const addTheme = (e: FormEvent) => {
    e.preventDefault();
    if (!newTheme.trim()) return;
    dispatch({ type: 'add-theme', title: newTheme });
    setNewTheme('');
  };
  const good = goodPractice(outcome).length;
  return (
    <section aria-labelledby="outcome-heading" className="ws-outcome">
      <h3 id="outcome-heading">Outcome</h3>
      <Notice tone="info" title="Kept in this browser tab only">
        <p>
          The outcome is not saved on the server yet. It stays in this tab until you close it: copy anything you need into
          the report draft before then.{!kept && ' This browser is not keeping it at all: do not reload the page.'}
        </p>
      </Notice>

      <h4>Themes</h4>
      <p className="muted">Add themes here, then choose a theme for each response under Results.</p>
      <form onSubmit={addTheme} className="label-row">
        <div className="field">
          <label className="field__label" htmlFor="new-theme">New theme</label>
          <input id="new-theme" className="input" value={newTheme} maxLength={200} onChange={(e) => setNewTheme(e.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">Add theme</button>
      </form>
      {outcome.themes.length === 0 ? <p>No themes yet.</p> : (
        <ul className="plain-list ws-themes">
          {outcome.themes.map((t, i) => {
            const n = themeMembers(outcome, t.id).length;
            return (
              <li key={t.id} className="panel">
                <div className="field">
                  <label className="field__label" htmlFor={`theme-${t.id}-title`}>Theme {i + 1}</label>
                  <input id={`theme-${t.id}-title`} className="input" value={t.title} maxLength={200}
                    onChange={(e) => dispatch({ type: 'rename-theme', id: t.id, title: e.target.value })} />
                </div>
                <p>{n === 1 ? '1 response' : `${n} responses`} grouped here.</p>
                <div className="field">
                  <label className="field__label" htmlFor={`theme-${t.id}-notes`}>Notes on theme {i + 1}</label>
                  <textarea id={`theme-${t.id}-notes`} className="textarea" rows={3} value={t.notes}
                    onChange={(e) => dispatch({ type: 'theme-notes', id: t.id, notes: e.target.value })} />
                </div>
                <button type="button" className="button button--secondary button--small" onClick={() => dispatch({ type: 'remove-theme', id: t.id })}>
                  Remove theme<span className="visually-hidden"> {t.title}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <h4>Good practice</h4>
      <p>{good === 1 ? '1 response is' : `${good} responses are`} marked as good practice (mark them under Results).</p>

      <h4>The child’s lived experience</h4>
      <div className="field">
        <label className="field__label" htmlFor="lived-experience">Notes on the child’s lived experience</label>
        <textarea id="lived-experience" className="textarea" rows={4} value={outcome.livedExperience}
          onChange={(e) => dispatch({ type: 'lived-experience', text: e.target.value })} />
      </div>

      <h4>Draft learning points</h4>
      {setup.lessons.map((l, i) => (
        <div className="field" key={l.id}>
          <label className="field__label" htmlFor={`learning-${l.id}`}>Learning point from proposed lesson {i + 1}</label>
          <p className="field__hint" id={`learning-${l.id}-hint`}>{l.text}</p>
          <textarea id={`learning-${l.id}`} className="textarea" rows={3} aria-describedby={`learning-${l.id}-hint`}
            value={outcome.learningPoints[l.id] ?? ''} onChange={(e) => dispatch({ type: 'learning-point', lessonId: l.id, text: e.target.value })} />
        </div>
      ))}
      <div className="field">
        <label className="field__label" htmlFor="learning-other">Other learning points</label>
        <textarea id="learning-other" className="textarea" rows={3} value={outcome.learningPoints['other'] ?? ''}
          onChange={(e) => dispatch({ type: 'learning-point', lessonId: 'other', text: e.target.value })} />
      </div>
    </section>
  );
}
