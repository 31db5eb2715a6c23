import { useState, type FormEvent } from 'react';
import { COMMON_RELATIONSHIPS, GenderSchema } from '../../../shared/people.js';
import {
  BIRTH_STATUS_LABELS,
  BirthStatusSchema,
  CHILD_LINK_LABELS,
  ChildLinkKindSchema,
  PARTNERSHIP_LABELS,
  PartnershipKindSchema,
  parentLinksOf,
  partnersOf,
  type Family,
  type FamilyPerson,
} from '../../../shared/genogram/index.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { DateField } from '../components/DateField.js';
import { ErrorSummary, type FormError } from '../components/ErrorSummary.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { GENDER_LABELS } from '../lib/personForm.js';
import type { NewPerson, RelativePlan } from './actions.js';
import { blankRelativeForm, relativeFormToInput, type RelativeField, type RelativeFormValues, type RelativeMode } from './relativeForm.js';
import type { NameOf } from './names.js';

const ID: Record<RelativeField, string> = {
  name: 'gg-rel-name',
  dateOfBirth: 'gg-rel-dob',
  dateOfDeath: 'gg-rel-dod',
  relationship: 'gg-rel-relationship',
  existing: 'gg-rel-existing',
};
const FIELD_ORDER: RelativeField[] = ['existing', 'name', 'relationship', 'dateOfBirth', 'dateOfDeath'];

/**
 * Adds a person to the genogram, and so to the register: on their own, or as a partner, child, parent
 * or brother or sister of the selected person; or links someone already in the register in one of
 * those ways. `onSubmit` returns a problem to show (a rule the change
 * would break) or null when it was written.
 */
export function AddRelativeForm({
  mode,
  anchor,
  family,
  nameOf,
  onSubmit,
  onCancel,
}: {
  mode: RelativeMode;
  anchor: FamilyPerson | null;
  family: Family;
  nameOf: NameOf;
  onSubmit(input: { plan: RelativePlan; fields: NewPerson }): string | null;
  onCancel(): void;
}) {
  const partners = anchor ? partnersOf(family, anchor.id) : [];
  const parentLinks = anchor ? parentLinksOf(family, anchor.id) : [];
  const soloParents = parentLinks.filter((l) => l.parentType === 'person');
  const [values, setValues] = useState<RelativeFormValues>(() =>
    blankRelativeForm({
      otherParent: partners[0]?.partnership.id ?? '',
      coupleWith: soloParents.length === 1 ? soloParents[0]!.parent : '',
      parentRef: parentLinks[0] ? `${parentLinks[0].parentType}:${parentLinks[0].parent}` : '',
    }),
  );
  const [errors, setErrors] = useState<Partial<Record<RelativeField, string>>>({});
  const [summary, setSummary] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set =
    <K extends keyof RelativeFormValues>(k: K) =>
    (v: RelativeFormValues[K]) =>
      setValues((s) => ({ ...s, [k]: v }));
  const anchorName = anchor ? nameOf(anchor.id) : '';
  // Anyone else in the register can be linked, in the order the drawing lists people.
  const candidates = anchor ? family.people.filter((p) => p.id !== anchor.id) : [];
  const linking = mode !== 'person' && values.who === 'existing';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = relativeFormToInput(mode, anchor?.id ?? null, values);
    setErrors(result.errors);
    setAttempt((n) => n + 1);
    if (!result.input) {
      setSummary(FIELD_ORDER.filter((f) => result.errors[f]).map((f) => ({ fieldId: ID[f], message: result.errors[f]! })));
      return;
    }
    const problem = onSubmit(result.input);
    setSummary(problem ? [{ fieldId: null, message: problem }] : []);
  };

  const kinds = PartnershipKindSchema.options.map((k) => ({ value: k, label: PARTNERSHIP_LABELS[k] }));
  const links = ChildLinkKindSchema.options.map((k) => ({ value: k, label: CHILD_LINK_LABELS[k] }));
  return (
    <form onSubmit={submit} noValidate className="gg-form">
      <ErrorSummary errors={summary} focusKey={attempt} />
      {anchor && mode !== 'person' && <p className="gg-form__lead">{leadText(mode, anchorName, linking)}</p>}
      {anchor && mode !== 'person' && candidates.length > 0 && (
        <RadioGroup
          id="gg-rel-who"
          name="gg-rel-who"
          legend="Who is it?"
          value={values.who}
          onChange={(v) => set('who')(v as RelativeFormValues['who'])}
          options={[
            { value: 'new', label: 'Someone new' },
            { value: 'existing', label: 'Someone already in the people register' },
          ]}
        />
      )}
      {linking && (
        <SelectField
          id={ID.existing}
          label="Person from the people register"
          value={values.existing}
          onChange={set('existing')}
          error={errors.existing}
          options={[
            { value: '', label: 'Choose a person' },
            ...candidates.map((p) => ({ value: p.id, label: p.relationship ? `${nameOf(p.id)} (${p.relationship})` : nameOf(p.id) })),
          ]}
        />
      )}
      {!linking && (
        <>
          <TextField
            id={ID.name}
            label="Name"
            hint="Full name as the agencies record it."
            value={values.unknown ? '' : values.name}
            onChange={set('name')}
            error={errors.name}
            autoComplete="off"
            disabled={values.unknown}
          />
          <CheckboxField
            id="gg-rel-unknown"
            label="Their identity is not known"
            hint="Adds a placeholder named Unknown, such as an unknown father."
            checked={values.unknown}
            onChange={set('unknown')}
          />
          <RadioGroup
            id="gg-rel-gender"
            name="gg-rel-gender"
            legend="Gender"
            inline
            value={values.gender}
            onChange={(v) => set('gender')(v as RelativeFormValues['gender'])}
            options={GenderSchema.options.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
          />
          <TextField
            id={ID.relationship}
            label="Relationship to the child (optional)"
            hint="For example Mother, Partner of Mother or Maternal Grandmother."
            value={values.relationship}
            onChange={set('relationship')}
            error={errors.relationship}
            list="gg-relationship-options"
            autoComplete="off"
          />
          <datalist id="gg-relationship-options">
            {COMMON_RELATIONSHIPS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <div className="date-range">
            <DateField id={ID.dateOfBirth} label="Date of birth (optional)" value={values.dateOfBirth} onChange={set('dateOfBirth')} error={errors.dateOfBirth} />
            <DateField id={ID.dateOfDeath} label="Date of death (optional)" value={values.dateOfDeath} onChange={set('dateOfDeath')} error={errors.dateOfDeath} />
          </div>
        </>
      )}
      {(mode === 'partner' || (mode === 'parent' && values.coupleWith)) && (
        <SelectField
          id="gg-rel-partnership"
          label={mode === 'partner' ? `How they stand with ${anchorName}` : 'How the couple stand'}
          value={values.partnership}
          onChange={(v) => set('partnership')(v as RelativeFormValues['partnership'])}
          options={kinds}
        />
      )}
      {mode === 'child' && (
        <SelectField
          id="gg-rel-other-parent"
          label="Other parent"
          hint="The child's line hangs from the couple's line."
          value={values.otherParent}
          onChange={set('otherParent')}
          options={[
            ...partners.map((p) => ({ value: p.partnership.id, label: `${nameOf(p.partnerId)} (${PARTNERSHIP_LABELS[p.partnership.kind].toLowerCase()})` })),
            { value: '', label: `No other parent shown (${anchorName} only)` },
          ]}
        />
      )}
      {mode === 'parent' && soloParents.length > 0 && (
        <SelectField
          id="gg-rel-couple"
          label="Show as a couple with"
          value={values.coupleWith}
          onChange={set('coupleWith')}
          options={[...soloParents.map((l) => ({ value: l.parent, label: nameOf(l.parent) })), { value: '', label: 'No one: a parent on their own' }]}
        />
      )}
      {(mode === 'child' || (mode === 'parent' && !values.coupleWith)) && (
        <SelectField id="gg-rel-link" label="Kind of link" value={values.link} onChange={(v) => set('link')(v as RelativeFormValues['link'])} options={links} />
      )}
      {mode === 'sibling' &&
        (parentLinks.length > 0 ? (
          <SelectField
            id="gg-rel-parents"
            label="Parents they share"
            value={values.parentRef}
            onChange={set('parentRef')}
            options={parentLinks.map((l) => ({
              value: `${l.parentType}:${l.parent}`,
              label: `${l.parentIds.map(nameOf).join(' and ')} (${CHILD_LINK_LABELS[l.kind].toLowerCase()})`,
            }))}
          />
        ) : (
          <p className="field__hint">{anchorName} has no parents in the genogram yet, so an unknown parent is added for both to hang from.</p>
        ))}
      {!linking && (mode === 'person' || mode === 'child' || mode === 'sibling') && (
        <SelectField
          id="gg-rel-birth"
          label="Birth"
          value={values.birthStatus}
          onChange={(v) => set('birthStatus')(v as RelativeFormValues['birthStatus'])}
          options={BirthStatusSchema.options.map((b) => ({ value: b, label: BIRTH_STATUS_LABELS[b] }))}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button">
          {linking ? 'Link in the genogram' : 'Add to genogram'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function leadText(mode: RelativeMode, anchorName: string, linking: boolean): string {
  const also = linking ? '' : ' They are added to the people register too.';
  const who = linking ? 'someone already in the people register' : 'a new person';
  switch (mode) {
    case 'partner':
      return `A partner of ${anchorName}: ${who}.${also}`;
    case 'child':
      return `A child of ${anchorName}: ${who}.${also}`;
    case 'parent':
      return `A parent or carer of ${anchorName}: ${who}.${also}`;
    case 'sibling':
      return `A brother or sister of ${anchorName}: ${who}.${also}`;
    default:
      return '';
  }
}
