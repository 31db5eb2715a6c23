import { useRef } from 'react';
import { CATEGORY_LABELS, CHRONOLOGY_CATEGORIES, type AgencyInfo, type ChronologyCategory } from '../../../shared/chronology/index.js';
import type { Person } from '../../../shared/people.js';
import { DateField } from '../components/DateField.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { isFiltering, type FilterForm, type FilterFormErrors, type KeyLearningChoice } from './filterForm.js';
import { MultiChoiceFilter } from './MultiChoiceFilter.js';
import { personLabel, safeColour } from './rowDisplay.js';

/**
 * The chronology's filters: agencies (tick any), people from the register and categories (each a
 * list to tick any of, folded away until opened), a date range typed as DD/MM/YYYY, key practice
 * learning events, and words. They apply as they change;
 * the number of rows shown is announced politely.
 */
export function ChronologyFilters({
  form,
  errors,
  onChange,
  agencies,
  people,
  shown,
  total,
}: {
  form: FilterForm;
  errors: FilterFormErrors;
  onChange(form: FilterForm): void;
  agencies: readonly AgencyInfo[];
  people: readonly Person[];
  shown: number;
  total: number;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => onChange({ ...form, [key]: value });
  const toggleAgency = (id: string, on: boolean) => set('agencyIds', on ? [...form.agencyIds, id] : form.agencyIds.filter((a) => a !== id));
  const count =
    shown === total
      ? `Showing all ${total.toLocaleString('en-GB')} ${total === 1 ? 'row' : 'rows'}.`
      : `Showing ${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows.`;
  return (
    <form className="chron-filters" aria-labelledby="chronology-filters-title" onSubmit={(e) => e.preventDefault()}>
      <h3 id="chronology-filters-title" className="chron-filters__title" ref={heading} tabIndex={-1}>
        Filter the chronology
      </h3>
      <div className="chron-filters__grid">
        <fieldset className="chron-filters__agencies">
          <legend className="field__label">Agencies</legend>
          {agencies.length === 0 && <p className="muted">No agencies yet.</p>}
          {agencies.map((a) => (
            <div key={a.id} className="checkbox chron-filters__agency">
              <input
                id={`filter-agency-${a.id}`}
                type="checkbox"
                className="checkbox__input"
                checked={form.agencyIds.includes(a.id)}
                onChange={(e) => toggleAgency(a.id, e.target.checked)}
              />
              <label htmlFor={`filter-agency-${a.id}`} className="checkbox__label">
                <span className="agency-tag chron-code" style={{ backgroundColor: safeColour(a.colour) }}>
                  <span className="agency-tag__code">{a.shortCode}</span>
                </span>{' '}
                {a.name}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="chron-filters__fields">
          <MultiChoiceFilter
            id="filter-person"
            label="People"
            anyText="Anyone"
            plural="people"
            missingLabel="Someone no longer in the register"
            options={people.map((p) => ({ value: p.id, label: personLabel(p) }))}
            chosen={form.personIds}
            onChange={(v) => set('personIds', v)}
          />
          <MultiChoiceFilter<ChronologyCategory>
            id="filter-category"
            label="Categories"
            anyText="Any category"
            plural="categories"
            missingLabel="An unknown category"
            options={CHRONOLOGY_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            chosen={form.categories}
            onChange={(v) => set('categories', v)}
          />
          <SelectField
            id="filter-key-learning"
            label="Key practice learning events"
            value={form.keyLearning}
            onChange={(v) => set('keyLearning', v as KeyLearningChoice)}
            options={[
              { value: 'any', label: 'All rows' },
              { value: 'yes', label: 'Only key practice learning events' },
              { value: 'no', label: 'Only rows not marked as key learning' },
            ]}
          />
          <DateField id="filter-from" label="From" value={form.from} onChange={(v) => set('from', v)} error={errors.from} hint="DD/MM/YYYY" />
          <DateField id="filter-to" label="To" value={form.to} onChange={(v) => set('to', v)} error={errors.to} hint="DD/MM/YYYY" />
          <TextField
            id="filter-text"
            label="Words in the row"
            type="search"
            value={form.text}
            onChange={(v) => set('text', v)}
            hint="Every word must appear, in any order"
            autoComplete="off"
            maxLength={200}
          />
        </div>
      </div>
      <div className="chron-filters__footer">
        <p className="chron-filters__count" role="status" aria-live="polite" data-testid="chronology-count">
          {count}
        </p>
        {isFiltering(form) && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              onChange({ ...form, agencyIds: [], personIds: [], categories: [], from: '', to: '', keyLearning: 'any', text: '' });
              // The button goes once nothing is filtered; focus moves to the filters' heading rather than the page.
              heading.current?.focus();
            }}
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
