import { TextField } from '../components/TextField.js';
import { itemControlsId, type BuilderKit } from './builderKit.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { MAX_ITEMS } from './draftReducer.js';
import { fieldIds } from './draftValidation.js';
import { ItemControls } from './ItemControls.js';
import { learningPointLabel } from './labels.js';
import { ReportTextArea } from './ReportTextArea.js';
import { SectionPanel } from './SectionPanel.js';

/** Recommendations: each linked to its learning points, addressed to a named organisation, with how its effect will be measured. */
export function RecommendationsPanel({ kit }: { kit: BuilderKit }) {
  const { draft } = kit;
  const full = draft.recommendations.length >= MAX_ITEMS.recommendations;
  const lpChoices = draft.learningPoints.map((lp) => ({ id: lp.id, label: learningPointLabel(draft, lp.id) }));
  return (
    <SectionPanel
      id="report-recommendations"
      title="Recommendations"
      promptId="recommendations"
      removedPrompts={draft.removedPrompts}
      onTogglePrompt={(promptId) => kit.dispatch({ type: 'toggle-prompt', promptId })}
    >
      {draft.recommendations.length > 0 && (
        <ol className="report-items">
          {draft.recommendations.map((r, i) => {
            const n = i + 1;
            return (
              <li className="report-item" key={r.id}>
                <h4 id={`report-rec-${r.id}-heading`}>Recommendation {n}</h4>
                <ReportTextArea kit={kit} id={fieldIds.recommendation(r.id, 'text')} label={`Recommendation ${n}`} root="recommendations" itemId={r.id} field="text" />
                <TextField
                  id={fieldIds.recommendation(r.id, 'organisation')}
                  label={`Organisation recommendation ${n} is addressed to`}
                  hint="A named organisation, locally or nationally, for example the Safeguarding Children Partnership."
                  autoComplete="off"
                  value={r.organisation}
                  error={kit.error(fieldIds.recommendation(r.id, 'organisation'))}
                  onChange={(organisation) => kit.dispatch({ type: 'update-recommendation', id: r.id, patch: { organisation } })}
                />
                <ReportTextArea
                  kit={kit}
                  id={fieldIds.recommendation(r.id, 'measure')}
                  label={`How the effectiveness of recommendation ${n} will be measured`}
                  root="recommendations"
                  itemId={r.id}
                  field="measure"
                />
                <CheckboxGroup
                  id={fieldIds.recommendation(r.id, 'learning-points')}
                  legend={`Learning points recommendation ${n} answers`}
                  error={kit.error(fieldIds.recommendation(r.id, 'learning-points'))}
                  choices={lpChoices}
                  checked={r.learningPointIds}
                  onToggle={(learningPointId) => kit.dispatch({ type: 'toggle-recommendation-lp', id: r.id, learningPointId })}
                  empty={<p className="muted">Add learning points first; then link them here.</p>}
                />
                <ItemControls
                  baseId={itemControlsId('recommendations', draft, i)}
                  what={`recommendation ${n}`}
                  index={i}
                  count={draft.recommendations.length}
                  onMove={(by) => kit.move('recommendations', i, by, `Recommendation ${n}`)}
                  onRemove={() => kit.remove('recommendations', i, `Recommendation ${n}`)}
                />
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <button type="button" id={fieldIds.add('recommendations')} className="button button--secondary" disabled={full} onClick={() => kit.add('recommendations')}>
          Add a recommendation
        </button>
      </p>
      {full && <p className="muted">The report holds at most {MAX_ITEMS.recommendations} recommendations.</p>}
    </SectionPanel>
  );
}
