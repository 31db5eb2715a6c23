import { TextAreaField } from '../components/TextAreaField.js';
import type { SetupForm } from './setupForm.js';

/**
 * The worksheet questions (Document 18a): worksheet 1 before the meeting, the worksheet 2 prompt
 * beside each phase, the worksheet 3 prompt with each lesson, and worksheet 4 feedback. Questions that
 * answers hang from cannot be removed once responses exist (their answers are kept by position).
 */
export function QuestionsEditor({
  form,
  change,
  errorFor,
  focusLater,
  locked,
}: {
  form: SetupForm;
  change(patch: Partial<SetupForm>): void;
  errorFor(id: string): string | undefined;
  focusLater(id: string): void;
  locked: { w1: number; w4: number };
}) {
  const list = (key: 'w1' | 'w4', n: 1 | 4, title: string) => {
    const items = form[key];
    return (
      <fieldset className="fieldset ws-list">
        <legend className="fieldset__legend">{title}</legend>
        <ol className="plain-list">
          {items.map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: questions are plain strings with no ids; a question is its position (field ids, labels and edits are by index)
            <li key={i} className="ws-list__item">
              <TextAreaField
                id={`${key}-${i}`}
                label={`Worksheet ${n}, question ${i + 1}`}
                value={q}
                error={errorFor(`${key}-${i}`)}
                maxLength={1000}
                onChange={(text) => change({ [key]: items.map((x, j) => (j === i ? text : x)) })}
              />
              {i < locked[key] ? (
                <p className="muted">Responses exist, so this question cannot be removed.</p>
              ) : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    change({ [key]: items.filter((_, j) => j !== i) });
                    focusLater(`${key}-add`);
                  }}
                >
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    worksheet {n}, question {i + 1}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ol>
        <button
          type="button"
          id={`${key}-add`}
          className="button button--secondary"
          onClick={() => {
            change({ [key]: [...items, ''] });
            focusLater(`${key}-${items.length}`);
          }}
        >
          Add a question to worksheet {n}
        </button>
      </fieldset>
    );
  };
  return (
    <>
      {list('w1', 1, 'Worksheet 1: before the meeting')}
      <TextAreaField id="w2" label="Worksheet 2: prompt beside each timeline phase" value={form.w2} onChange={(w2) => change({ w2 })} error={errorFor('w2')} maxLength={1000} />
      <TextAreaField id="w3" label="Worksheet 3: prompt with each proposed lesson" value={form.w3} onChange={(w3) => change({ w3 })} error={errorFor('w3')} maxLength={1000} />
      {list('w4', 4, 'Worksheet 4: feedback at the close')}
    </>
  );
}
