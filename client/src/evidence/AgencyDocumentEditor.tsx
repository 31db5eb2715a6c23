import { useCallback } from 'react';
import type * as Y from 'yjs';
import {
  MAX_EVIDENCE_TEXT_CHARS,
  REPORT_FIELD_LABELS,
  REPORT_GUIDANCE,
  REPORT_SECTIONS,
  REPORT_SECTION_KEYS,
  REPORT_SECTION_LABELS,
  TEMPLATE_BLOCK,
  TEMPLATE_FIELD_LABELS,
  TEMPLATE_SECTION_1,
  TEMPLATE_SYNOPSIS,
  nextEventKey,
  readInformationReport,
  readLearningTemplate,
  templateGuidance,
  templateSectionLabel,
  writeSection,
  type EvidenceQuery,
  type SectionFields,
  type SectionShape,
} from '../../../shared/evidence/index.js';
import { docName } from '../../../shared/docNames.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { useDocValue } from '../hooks/useDocValue.js';
import { useSharedDoc } from '../hooks/useSharedDoc.js';
import { RefusedEditAlert } from '../components/RefusedEditAlert.js';
import { QueryThreads, type QueryRights } from './QueryThreads.js';

/** One section: its heading, the guidance beside it, its fields, and its query threads. */
function Section({
  doc,
  sectionKey,
  heading,
  sub,
  shape,
  fields,
  labels,
  guidance,
  canWrite,
  queryKind,
  common,
}: {
  doc: Y.Doc | null;
  sectionKey: string;
  heading: string;
  sub?: string;
  shape: SectionShape;
  fields: SectionFields;
  labels: Record<string, string>;
  guidance: string;
  canWrite: boolean;
  queryKind: 'template-section' | 'report-section';
  common: { reviewId: string; agencyId: string; queries: readonly EvidenceQuery[]; rights: QueryRights; onChanged(m: string): void };
}) {
  const set = (field: string, value: string | boolean) => {
    if (doc && canWrite) writeSection(doc, sectionKey, shape, { [field]: value }, MAX_EVIDENCE_TEXT_CHARS);
  };
  const headingId = `ev-${sectionKey}-heading`;
  return (
    <section className="report-panel" aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      {sub && (
        <p>
          <strong>{sub}</strong>
        </p>
      )}
      <aside className="report-guidance" aria-label={`Guidance for ${heading}`}>
        <p>{guidance}</p>
      </aside>
      {Object.entries(shape).map(([field, type]) =>
        type === 'tick' ? (
          <CheckboxField key={field} id={`ev-${sectionKey}-${field}`} label={labels[field] ?? field} checked={fields[field] === true} onChange={(v) => set(field, v)} />
        ) : (
          <TextAreaField
            key={field}
            id={`ev-${sectionKey}-${field}`}
            label={labels[field] ?? field}
            value={String(fields[field] ?? '')}
            onChange={(v) => set(field, v)}
            readOnly={!canWrite}
            rows={field === 'analysis' || field === 'synopsis' ? 5 : 2}
            maxLength={MAX_EVIDENCE_TEXT_CHARS}
          />
        ),
      )}
      <QueryThreads
        reviewId={common.reviewId}
        agencyId={common.agencyId}
        target={{ kind: queryKind, section: sectionKey }}
        label={heading}
        queries={common.queries}
        rights={common.rights}
        onChanged={common.onChanged}
      />
    </section>
  );
}

/**
 * One agency's learning template (Document 13) or information report (Document 14), co-edited live
 * by that agency's authors; everyone else who may see it reads it. The server enforces who writes
 * (shared/docAccess.ts): `canWrite` only hides the controls.
 */
export function AgencyDocumentEditor({
  reviewId,
  agencyId,
  agencyName,
  kind,
  kloes,
  canWrite,
  queries,
  rights,
  onChanged,
}: {
  reviewId: string;
  agencyId: string;
  agencyName: string;
  kind: 'learning-template' | 'information-report';
  kloes: readonly string[];
  canWrite: boolean;
  queries: readonly EvidenceQuery[];
  rights: QueryRights;
  onChanged(message: string): void;
}) {
  const { shared, facts } = useSharedDoc(docName({ reviewId, kind, agencyId }));
  const doc = shared?.doc ?? null;
  const kloeKey = kloes.join('\u0000');
  const readTemplate = useCallback((d: Y.Doc) => readLearningTemplate(d, kloeKey ? kloeKey.split('\u0000') : []), [kloeKey]);
  const template = useDocValue(doc, readTemplate, null as ReturnType<typeof readLearningTemplate> | null);
  const report = useDocValue(doc, readInformationReport, null as ReturnType<typeof readInformationReport> | null);
  const common = { reviewId, agencyId, queries, rights, onChanged };
  const status = facts.refusedEdit
    ? 'A change could not be saved, so nothing more is being saved.'
    : facts.synced
      ? facts.pending > 0
        ? 'Saving…'
        : 'All changes saved'
      : facts.everConnected
        ? 'Reconnecting: your changes are kept and sent when the connection returns'
        : 'Connecting…';

  return (
    <div>
      <h3 id="evidence-doc-heading" tabIndex={-1}>
        {kind === 'learning-template' ? 'Learning template' : 'Information report'}: {agencyName}
      </h3>
      <RefusedEditAlert facts={facts} />
      <p className="sync-status" role="status">
        {status}
      </p>
      {!canWrite && <p>You can read this document. Only {agencyName}’s authors can change it, while it is with the agency.</p>}
      {kind === 'learning-template' && template && (
        <>
          <Section
            doc={doc}
            sectionKey="section-1"
            heading="Section 1: details"
            shape={TEMPLATE_SECTION_1}
            fields={template.section1}
            labels={TEMPLATE_FIELD_LABELS}
            guidance={templateGuidance('section-1')}
            canWrite={canWrite}
            queryKind="template-section"
            common={common}
          />
          <Section
            doc={doc}
            sectionKey="section-2"
            heading={templateSectionLabel('section-2')}
            shape={TEMPLATE_SYNOPSIS}
            fields={template.section2}
            labels={TEMPLATE_FIELD_LABELS}
            guidance={templateGuidance('section-2')}
            canWrite={canWrite}
            queryKind="template-section"
            common={common}
          />
          {template.kloes.length === 0 && <p>No key lines of enquiry are agreed in the terms of reference yet, so Section 3 has no blocks.</p>}
          {template.kloes.map((k) => (
            <Section
              key={k.key}
              doc={doc}
              sectionKey={k.key}
              heading={templateSectionLabel(k.key)}
              sub={k.kloe}
              shape={TEMPLATE_BLOCK}
              fields={k.fields}
              labels={TEMPLATE_FIELD_LABELS}
              guidance={templateGuidance(k.key)}
              canWrite={canWrite}
              queryKind="template-section"
              common={common}
            />
          ))}
          {template.events.map((e) => (
            <Section
              key={e.key}
              doc={doc}
              sectionKey={e.key}
              heading={templateSectionLabel(e.key)}
              shape={TEMPLATE_BLOCK}
              fields={e.fields}
              labels={TEMPLATE_FIELD_LABELS}
              guidance={templateGuidance(e.key)}
              canWrite={canWrite}
              queryKind="template-section"
              common={common}
            />
          ))}
          {canWrite && doc && (
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  const key = nextEventKey(doc);
                  if (key) {
                    writeSection(doc, key, TEMPLATE_BLOCK, { narrative: '' }, MAX_EVIDENCE_TEXT_CHARS);
                    onChanged('A Section 4 significant event was added.');
                  }
                }}
              >
                Add a significant event (Section 4)
              </button>
            </p>
          )}
          <Section
            doc={doc}
            sectionKey="section-5"
            heading={templateSectionLabel('section-5')}
            shape={TEMPLATE_SYNOPSIS}
            fields={template.section5}
            labels={TEMPLATE_FIELD_LABELS}
            guidance={templateGuidance('section-5')}
            canWrite={canWrite}
            queryKind="template-section"
            common={common}
          />
        </>
      )}
      {kind === 'information-report' &&
        report &&
        REPORT_SECTION_KEYS.map((key) => (
          <Section
            key={key}
            doc={doc}
            sectionKey={key}
            heading={REPORT_SECTION_LABELS[key]}
            shape={REPORT_SECTIONS[key]}
            fields={report[key]}
            labels={REPORT_FIELD_LABELS}
            guidance={REPORT_GUIDANCE[key] ?? ''}
            canWrite={canWrite}
            queryKind="report-section"
            common={common}
          />
        ))}
    </div>
  );
}
