import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { itemControlsId, type BuilderKit } from './builderKit.js';
import { MAX_ITEMS, type Rag } from './draftReducer.js';
import { ACTION_LABELS, fieldIds } from './draftValidation.js';
import { ItemControls } from './ItemControls.js';
import { RAG_OPTIONS, recommendationLabel } from './labels.js';
import { ReportTextArea } from './ReportTextArea.js';
import { SectionPanel } from './SectionPanel.js';

/** The action plan (Document 20): one row per agreed action, each answering a recommendation, with a RAG rating in words. */
export function ActionPlanPanel({ kit }: { kit: BuilderKit }) {
  const { draft } = kit;
  const full = draft.actionPlan.length >= MAX_ITEMS.actionPlan;
  const noRecs = draft.recommendations.length === 0;
  const recOptions = draft.recommendations.map((r) => ({ value: r.id, label: recommendationLabel(draft, r.id) }));
  return (
    <SectionPanel
      id="report-action-plan"
      title="Action plan"
      promptId="action-plan"
      removedPrompts={draft.removedPrompts}
      onTogglePrompt={(promptId) => kit.dispatch({ type: 'toggle-prompt', promptId })}
    >
      <p className="field__hint">Without rows, the report gives each recommendation an empty row to fill in.</p>
      {draft.actionPlan.length > 0 && (
        <ol className="report-items">
          {draft.actionPlan.map((row, i) => {
            const n = i + 1;
            const id = (part: keyof typeof ACTION_LABELS) => fieldIds.action(i, part);
            const text = (part: 'actions' | 'actionsTaken' | 'progress' | 'evidence', rows = 3) => (
              // Collaborative text of the row's record, which the draft document keys by its recommendation id.
              <ReportTextArea kit={kit} id={id(part)} label={ACTION_LABELS[part]} rows={rows} root="actionPlan" itemId={row.recommendationId} field={part} />
            );
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: action plan rows have no ids; a row is its position ("Action plan row 2", field ids and edits are by index)
              <li className="report-item" key={i}>
                <h4 id={`report-action-${i}-heading`}>Action plan row {n}</h4>
                <SelectField
                  id={id('recommendationId')}
                  label={ACTION_LABELS.recommendationId}
                  value={row.recommendationId}
                  error={kit.error(id('recommendationId'))}
                  options={
                    recOptions.some((o) => o.value === row.recommendationId) ? recOptions : [{ value: row.recommendationId, label: 'Choose a recommendation' }, ...recOptions]
                  }
                  onChange={(v) => kit.dispatch({ type: 'update-action', index: i, patch: { recommendationId: v } })}
                />
                {text('actions')}
                <TextField
                  id={id('responsible')}
                  label={ACTION_LABELS.responsible}
                  hint="A role or team, not a person's name."
                  autoComplete="off"
                  value={row.responsible}
                  error={kit.error(id('responsible'))}
                  onChange={(v) => kit.dispatch({ type: 'update-action', index: i, patch: { responsible: v } })}
                />
                <TextField
                  id={id('timescale')}
                  label={ACTION_LABELS.timescale}
                  hint="For example, by 31/03/2027."
                  autoComplete="off"
                  value={row.timescale}
                  error={kit.error(id('timescale'))}
                  onChange={(v) => kit.dispatch({ type: 'update-action', index: i, patch: { timescale: v } })}
                />
                {text('actionsTaken')}
                {text('progress')}
                <SelectField
                  id={id('rag')}
                  label={ACTION_LABELS.rag}
                  value={row.rag}
                  options={RAG_OPTIONS}
                  error={kit.error(id('rag'))}
                  onChange={(v) => kit.dispatch({ type: 'update-action', index: i, patch: { rag: v as Rag } })}
                />
                {text('evidence')}
                <ItemControls
                  baseId={itemControlsId('actionPlan', draft, i)}
                  what={`action plan row ${n}`}
                  index={i}
                  count={draft.actionPlan.length}
                  onMove={(by) => kit.move('actionPlan', i, by, `Action plan row ${n}`)}
                  onRemove={() => kit.remove('actionPlan', i, `Action plan row ${n}`)}
                />
              </li>
            );
          })}
        </ol>
      )}
      <p>
        <button
          type="button"
          id={fieldIds.add('actionPlan')}
          className="button button--secondary"
          disabled={full || noRecs}
          aria-describedby={noRecs ? 'report-action-plan-needs-rec' : undefined}
          onClick={() => kit.add('actionPlan')}
        >
          Add an action plan row
        </button>
      </p>
      {noRecs && (
        <p className="muted" id="report-action-plan-needs-rec">
          Add a recommendation first: every action answers one.
        </p>
      )}
      {full && <p className="muted">The action plan holds at most {MAX_ITEMS.actionPlan} rows.</p>}
    </SectionPanel>
  );
}
