import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { AgencyInfo } from '../../../shared/chronology/index.js';
import { readPractitioners, removePractitioner, writePractitioner } from '../../../shared/chronology/practitionersDoc.js';
import { newId } from '../../../shared/ids.js';
import { PractitionerSchema, practitionerLabel, type Practitioner } from '../../../shared/practitioners.js';
import { AgencyTag } from '../components/AgencyTag.js';
import { TextField } from '../components/TextField.js';
import { useDocValue } from '../hooks/useDocValue.js';
import type { SharedDoc } from '../hooks/useSharedDoc.js';

const NONE: Practitioner[] = [];

/**
 * The practitioners each agency's chronology names, with the role that replaces each name in every
 * export, the report and the workshop screens. Reviews look at systems, not individuals, so a
 * practitioner's name never leaves the review. An agency lists its own staff; everyone reads.
 */
export function PractitionersPanel({
  agencies,
  sharedByAgency,
  canWriteAgency,
}: {
  agencies: readonly AgencyInfo[];
  sharedByAgency: Readonly<Record<string, SharedDoc>>;
  canWriteAgency(agencyId: string): boolean;
}) {
  const [announcement, setAnnouncement] = useState('');
  return (
    <section className="practitioners" aria-labelledby="practitioners-heading">
      <h3 id="practitioners-heading">Practitioners named in the chronology</h3>
      <p>
        List each practitioner your rows name, for example in “by whom”. Every export, the draft report and the workshop screens replace the name with the role and agency, such as
        “Social Worker (CSC)”.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {agencies.map((a) => (
        <AgencyPractitioners key={a.id} agency={a} doc={sharedByAgency[a.id]?.doc ?? null} canWrite={canWriteAgency(a.id)} onAnnounce={setAnnouncement} />
      ))}
    </section>
  );
}

/** One agency's list, with an add form and edit/remove controls when the user may write it. */
function AgencyPractitioners({ agency, doc, canWrite, onAnnounce }: { agency: AgencyInfo; doc: Y.Doc | null; canWrite: boolean; onAnnounce(text: string): void }) {
  const read = useCallback((d: Y.Doc) => readPractitioners(d, agency.id), [agency.id]);
  const list = useDocValue(doc, read, NONE);
  const [editing, setEditing] = useState<Practitioner | null>(null);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const headingId = `practitioners-${agency.id}`;
  // Closing the form returns focus to the control that opened it, so keyboard users keep their place.
  const close = () => {
    setEditing(null);
    setAdding(false);
    window.requestAnimationFrame(() => addButton.current?.focus());
  };
  if (!canWrite && list.length === 0) return null;
  return (
    <div className="practitioners__agency" data-testid={`practitioners-${agency.shortCode}`}>
      <h4 id={headingId}>
        <AgencyTag shortCode={agency.shortCode} colour={agency.colour} /> {agency.name}
      </h4>
      {list.length === 0 ? (
        <p>No practitioners listed yet.</p>
      ) : (
        <table className="table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Shown in exports as</th>
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{practitionerLabel(p, agency.shortCode)}</td>
                {canWrite && (
                  <td className="button-row">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => {
                        setAdding(false);
                        setEditing(p);
                      }}
                    >
                      Edit<span className="visually-hidden"> {p.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => {
                        if (doc) {
                          removePractitioner(doc, p.id);
                          onAnnounce(`Removed ${p.name}.`);
                        }
                      }}
                    >
                      Remove<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite &&
        doc &&
        (adding || editing ? (
          <PractitionerForm
            key={editing?.id ?? 'new'}
            agency={agency}
            editing={editing}
            onSave={(p) => {
              writePractitioner(doc, p);
              onAnnounce(editing ? `Saved ${p.name}.` : `Added ${p.name} as ${practitionerLabel(p, agency.shortCode)}.`);
              close();
            }}
            onCancel={close}
          />
        ) : (
          <button ref={addButton} type="button" className="button button--small button--secondary" onClick={() => setAdding(true)}>
            Add a practitioner for {agency.shortCode}
          </button>
        ))}
    </div>
  );
}

/** Adds a practitioner, or edits the one given; validates with the shared schema. */
function PractitionerForm({ agency, editing, onSave, onCancel }: { agency: AgencyInfo; editing: Practitioner | null; onSave(p: Practitioner): void; onCancel(): void }) {
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState(editing?.role ?? '');
  const [errors, setErrors] = useState<{ name?: string; role?: string }>({});
  const idBase = `practitioner-${agency.id}`;
  useEffect(() => {
    document.getElementById(`${idBase}-name`)?.focus();
  }, [idBase]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = PractitionerSchema.safeParse({ id: editing?.id ?? newId(), agencyId: agency.id, name, role });
    if (!parsed.success) {
      const found: { name?: string; role?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'name' || field === 'role') && !found[field]) found[field] = issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    onSave(parsed.data);
  };
  return (
    <form className="practitioners__form" onSubmit={submit} noValidate aria-label={`${editing ? 'Edit' : 'Add'} a ${agency.shortCode} practitioner`}>
      <TextField id={`${idBase}-name`} label="Practitioner’s name" value={name} onChange={setName} error={errors.name} autoComplete="off" />
      <TextField id={`${idBase}-role`} label="Role" hint="For example Social Worker or Health Visitor" value={role} onChange={setRole} error={errors.role} autoComplete="off" />
      <div className="button-row">
        <button type="submit" className="button button--small">
          {editing ? 'Save practitioner' : 'Add practitioner'}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
