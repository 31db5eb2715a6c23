import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { DateField } from '../components/DateField.js';
import { moveItem, nextId, type SetupForm } from './setupForm.js';

type Common<T> = { items: T[]; onChange(items: T[]): void; errorFor(id: string): string | undefined; focusLater(id: string): void };

/** Move up, move down and remove for one row; a button that cannot act is left out rather than disabled. */
function RowButtons({
  what,
  index,
  count,
  onMove,
  onRemove,
  lockedReason,
}: {
  what: string;
  index: number;
  count: number;
  onMove?: (delta: -1 | 1) => void;
  onRemove(): void;
  lockedReason?: string;
}) {
  return (
    <div className="button-row ws-row-buttons">
      {onMove && index > 0 && (
        <button type="button" className="button button--secondary button--small" onClick={() => onMove(-1)}>
          Move up<span className="visually-hidden"> {what}</span>
        </button>
      )}
      {onMove && index < count - 1 && (
        <button type="button" className="button button--secondary button--small" onClick={() => onMove(1)}>
          Move down<span className="visually-hidden"> {what}</span>
        </button>
      )}
      {lockedReason ? (
        <span className="muted">{lockedReason}</span>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          Remove<span className="visually-hidden"> {what}</span>
        </button>
      )}
    </div>
  );
}

/** The agenda (Document 18): time, what happens, who leads; reordered with buttons. */
export function AgendaEditor({ items, onChange, errorFor, focusLater }: Common<SetupForm['agenda'][number]>) {
  const set = (i: number, patch: Partial<SetupForm['agenda'][number]>) => onChange(items.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="fieldset ws-list">
      <legend className="fieldset__legend">Agenda</legend>
      <ol className="plain-list">
        {items.map((a, i) => (
          <li key={a.id} className="ws-list__item">
            <fieldset className="fieldset">
              <legend className="ws-list__legend">Agenda item {i + 1}</legend>
              <div className="ws-agenda-fields">
                <TextField
                  id={`agenda-${i}-time`}
                  label="Time"
                  value={a.time}
                  onChange={(time) => set(i, { time })}
                  error={errorFor(`agenda-${i}-time`)}
                  className="input--date"
                  autoComplete="off"
                />
                <TextField id={`agenda-${i}-title`} label="Item" value={a.title} onChange={(title) => set(i, { title })} error={errorFor(`agenda-${i}-title`)} maxLength={200} />
                <TextField id={`agenda-${i}-lead`} label="Lead" value={a.lead} onChange={(lead) => set(i, { lead })} maxLength={200} className="input--short" />
              </div>
              <RowButtons
                what={`agenda item ${i + 1}`}
                index={i}
                count={items.length}
                onMove={(d) => {
                  onChange(moveItem(items, i, d));
                  focusLater(`agenda-${i + d}-title`);
                }}
                onRemove={() => {
                  onChange(items.filter((_, j) => j !== i));
                  focusLater('agenda-add');
                }}
              />
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id="agenda-add"
        className="button button--secondary"
        onClick={() => {
          onChange([...items, { id: nextId('item', items), time: items[items.length - 1]?.time ?? '10:00', title: '', lead: '' }]);
          focusLater(`agenda-${items.length}-title`);
        }}
      >
        Add an agenda item
      </button>
    </fieldset>
  );
}

/** Timeline phases: titled date ranges over the integrated chronology, shared one at a time. */
export function PhasesEditor({ items, onChange, errorFor, focusLater, locked }: Common<SetupForm['phases'][number]> & { locked: Set<string> }) {
  const set = (i: number, patch: Partial<SetupForm['phases'][number]>) => onChange(items.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="fieldset ws-list">
      <legend className="fieldset__legend">Timeline phases</legend>
      <p className="field__hint">Each phase is a date range of the integrated chronology. Participants see its events pseudonymised, in date order.</p>
      {items.length === 0 && <p>No phases yet.</p>}
      <ol className="plain-list">
        {items.map((p, i) => (
          <li key={p.id} className="ws-list__item">
            <fieldset className="fieldset">
              <legend className="ws-list__legend">Phase {i + 1}</legend>
              <TextField id={`phase-${i}-title`} label="Title" value={p.title} onChange={(title) => set(i, { title })} error={errorFor(`phase-${i}-title`)} maxLength={200} />
              <div className="date-range">
                <DateField id={`phase-${i}-start`} label="First day" value={p.start} onChange={(start) => set(i, { start })} error={errorFor(`phase-${i}-start`)} />
                <DateField id={`phase-${i}-end`} label="Last day" value={p.end} onChange={(end) => set(i, { end })} error={errorFor(`phase-${i}-end`)} />
              </div>
              <RowButtons
                what={`phase ${i + 1}`}
                index={i}
                count={items.length}
                onMove={(d) => {
                  onChange(moveItem(items, i, d));
                  focusLater(`phase-${i + d}-title`);
                }}
                onRemove={() => {
                  onChange(items.filter((_, j) => j !== i));
                  focusLater('phase-add');
                }}
                lockedReason={locked.has(p.id) ? 'Responses exist, so this phase cannot be removed.' : undefined}
              />
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id="phase-add"
        className="button button--secondary"
        onClick={() => {
          onChange([...items, { id: nextId('phase', items), title: '', start: '', end: '' }]);
          focusLater(`phase-${items.length}-title`);
        }}
      >
        Add a phase
      </button>
    </fieldset>
  );
}

/** The proposed lessons or findings, numbered in the order shown. */
export function LessonsEditor({ items, onChange, errorFor, focusLater, locked }: Common<SetupForm['lessons'][number]> & { locked: Set<string> }) {
  return (
    <fieldset className="fieldset ws-list">
      <legend className="fieldset__legend">Proposed lessons</legend>
      {items.length === 0 && <p>No proposed lessons yet.</p>}
      <ol className="plain-list">
        {items.map((l, i) => (
          <li key={l.id} className="ws-list__item">
            <TextAreaField
              id={`lesson-${i}`}
              label={`Proposed lesson ${i + 1}`}
              value={l.text}
              error={errorFor(`lesson-${i}`)}
              maxLength={10_000}
              onChange={(text) => onChange(items.map((x, j) => (j === i ? { ...x, text } : x)))}
            />
            <RowButtons
              what={`proposed lesson ${i + 1}`}
              index={i}
              count={items.length}
              onMove={(d) => {
                onChange(moveItem(items, i, d));
                focusLater(`lesson-${i + d}`);
              }}
              onRemove={() => {
                onChange(items.filter((_, j) => j !== i));
                focusLater('lesson-add');
              }}
              lockedReason={locked.has(l.id) ? 'Responses exist, so this lesson cannot be removed.' : undefined}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        id="lesson-add"
        className="button button--secondary"
        onClick={() => {
          onChange([...items, { id: nextId('lesson', items), text: '' }]);
          focusLater(`lesson-${items.length}`);
        }}
      >
        Add a proposed lesson
      </button>
    </fieldset>
  );
}
