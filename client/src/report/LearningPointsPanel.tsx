import { SelectField } from '../components/SelectField.js';
import { itemControlsId, type BuilderKit } from './builderKit.js';
import { MAX_ITEMS } from './draftReducer.js';
import { fieldIds } from './draftValidation.js';
import { ItemControls } from './ItemControls.js';
import { themeLabel } from './labels.js';
import { ReportTextArea } from './ReportTextArea.js';
import { SectionPanel } from './SectionPanel.js';

/**
 * Learning points, numbered in this order and each linked to the theme it is called out under. When the
 * workshop's outcome holds draft learning points, one button adds those the list does not hold yet.
 */
export function LearningPointsPanel({ kit, workshopPoints, onAddWorkshopPoints }: { kit: BuilderKit; workshopPoints: number; onAddWorkshopPoints(): void }) {
  const { draft } = kit;
  const full = draft.learningPoints.length >= MAX_ITEMS.learningPoints;
  const themeOptions = [{ value: '', label: 'No theme' }, ...draft.themes.map((t) => ({ value: t.id, label: themeLabel(draft, t.id) }))];
  return (
    <SectionPanel
      id="report-learning-points"
      title="Learning points"
      promptId="learning-points"
      removedPrompts={draft.removedPrompts}
      onTogglePrompt={(promptId) => kit.dispatch({ type: 'toggle-prompt', promptId })}
    >
      <p className="field__hint">Each learning point is numbered in this order, listed here in the report and called out as &ldquo;Learning Point N&rdquo; under its theme.</p>
      {draft.learningPoints.length > 0 && (
        <ol className="report-items">
          {draft.learningPoints.map((lp, i) => {
            const n = i + 1;
            return (
              <li className="report-item" key={lp.id}>
                <h4 id={`report-lp-${lp.id}-heading`}>Learning Point {n}</h4>
                <ReportTextArea kit={kit} id={fieldIds.learningPoint(lp.id, 'text')} label={`Learning point ${n}`} root="learningPoints" itemId={lp.id} field="text" />
                <SelectField
                  id={fieldIds.learningPoint(lp.id, 'theme')}
                  label={`Theme for learning point ${n}`}
                  options={themeOptions}
                  value={lp.themeId ?? ''}
                  error={kit.error(fieldIds.learningPoint(lp.id, 'theme'))}
                  onChange={(v) => kit.dispatch({ type: 'update-learning-point', id: lp.id, patch: { themeId: v || null } })}
                />
                <ItemControls
                  baseId={itemControlsId('learningPoints', draft, i)}
                  what={`learning point ${n}`}
                  index={i}
                  count={draft.learningPoints.length}
                  onMove={(by) => kit.move('learningPoints', i, by, `Learning point ${n}`)}
                  onRemove={() => kit.remove('learningPoints', i, `Learning point ${n}`)}
                />
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <button type="button" id={fieldIds.add('learningPoints')} className="button button--secondary" disabled={full} onClick={() => kit.add('learningPoints')}>
          Add a learning point
        </button>
      </p>
      {workshopPoints > 0 && (
        <p>
          <button
            type="button"
            id="report-add-workshop-learning-points"
            className="button button--secondary"
            disabled={full}
            aria-describedby="report-workshop-learning-points-hint"
            onClick={onAddWorkshopPoints}
          >
            Add the workshop’s draft learning points
          </button>
          <span className="field__hint" id="report-workshop-learning-points-hint">
            {' '}
            The Reflective Learning Workshop’s outcome holds {workshopPoints === 1 ? '1 draft learning point' : `${workshopPoints} draft learning points`}; any not in this list yet
            are added at the end, without a theme.
          </span>
        </p>
      )}
      {full && <p className="muted">The report holds at most {MAX_ITEMS.learningPoints} learning points.</p>}
    </SectionPanel>
  );
}
