import { useState, type FormEvent } from 'react';
import { newId } from '../../../shared/ids.js';
import { ABUSE_KINDS, LINE_LABELS, LineKindSchema, type Family, type Line, type LineKind } from '../../../shared/genogram/index.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { SelectField } from '../components/SelectField.js';
import type { NameOf } from './names.js';

/**
 * Adds a relationship line between the selected person and someone else: an abuse line (directed,
 * from the person harming to the person harmed) or conflict, close, distant or cut off.
 */
export function LineForm({
  personId,
  family,
  nameOf,
  onSubmit,
  onCancel,
}: {
  personId: string;
  family: Family;
  nameOf: NameOf;
  onSubmit(line: Line): string | null;
  onCancel(): void;
}) {
  const others = family.people.filter((p) => p.id !== personId).sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id), 'en-GB'));
  const [other, setOther] = useState(others[0]?.id ?? '');
  const [kind, setKind] = useState<LineKind>('domestic-abuse');
  const [direction, setDirection] = useState<'from' | 'to' | 'none'>('from');
  const [summary, setSummary] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const me = nameOf(personId);
  const them = other ? nameOf(other) : 'the other person';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    if (!other) {
      setSummary([{ fieldId: 'gg-line-other', message: 'Choose who the line goes to' }]);
      return;
    }
    const [from, to] = direction === 'to' ? [other, personId] : [personId, other];
    const problem = onSubmit({ type: 'line', id: newId(), from, to, kind, directed: direction !== 'none' });
    setSummary(problem ? [{ fieldId: null, message: problem }] : []);
  };

  if (others.length === 0) {
    return (
      <div>
        <p>Add someone else to the genogram first: a line joins two people.</p>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Close
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="gg-form">
      <ErrorSummary errors={summary} focusKey={attempt} />
      <SelectField
        id="gg-line-other"
        label="Other person"
        value={other}
        onChange={setOther}
        hint={`The line joins ${me} and the person you choose.`}
        options={others.map((p) => ({ value: p.id, label: nameOf(p.id) }))}
      />
      <SelectField
        id="gg-line-kind"
        label="Kind of line"
        value={kind}
        onChange={(v) => {
          setKind(v as LineKind);
          setDirection(ABUSE_KINDS.includes(v as LineKind) ? 'from' : 'none');
        }}
        options={LineKindSchema.options.map((k) => ({ value: k, label: LINE_LABELS[k] }))}
      />
      <RadioGroup
        id="gg-line-direction"
        name="gg-line-direction"
        legend="Direction"
        value={direction}
        onChange={(v) => setDirection(v as 'from' | 'to' | 'none')}
        hint="For abuse, the arrow points from the person harming to the person harmed."
        options={[
          { value: 'from', label: `From ${me} to ${them}` },
          { value: 'to', label: `From ${them} to ${me}` },
          { value: 'none', label: 'No direction' },
        ]}
      />
      <div className="button-row">
        <button type="submit" className="button">
          Add line
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
