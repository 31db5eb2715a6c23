import { useEffect, useState } from 'react';
import { EVIDENCE_KIND_LABELS, isEditableByAgency, mayAnswerQuery, mayAskQuery, mayReadKeyThemes, mayRequestEvidence, mayResolveQuery } from '../../../shared/evidence/index.js';
import type { ReviewDetail } from '../api/schemas.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { useApiData } from '../hooks/useApiData.js';
import { AgencyDocumentEditor } from './AgencyDocumentEditor.js';
import { evidencePaths, EvidenceOverviewSchema, QueriesSchema, type RequestView } from './evidenceApi.js';
import { KeyThemesPanel } from './KeyThemesPanel.js';
import { RequestsTable } from './RequestsTable.js';
import { SendRequestsForm } from './SendRequestsForm.js';
import { SeniorLeadsPanel } from './SeniorLeadsPanel.js';
import { WaitingList } from './WaitingList.js';

/**
 * The local review's evidence (seed 002 §8.3–8.8): requests to agencies with their deadlines and
 * states, each agency's learning template or information report, the review team's queries, and the
 * key themes. Agency authors see only their own agency's; the server enforces it.
 */
export function EvidenceTab({ detail }: { detail: ReviewDetail }) {
  const reviewId = detail.review.id;
  const overview = useApiData(evidencePaths.overview(reviewId), EvidenceOverviewSchema);
  const queries = useApiData(evidencePaths.queries(reviewId), QueriesSchema);
  const [openId, setOpenId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const data = overview.data;
  const open = data?.requests.find((r) => r.id === openId) ?? null;

  useEffect(() => {
    if (openId) document.getElementById('evidence-doc-heading')?.focus();
  }, [openId]);

  const changed = (message: string) => {
    setAnnouncement(message);
    void overview.reload();
    void queries.reload();
  };
  const openRequest = (r: RequestView) => setOpenId(r.id);
  return (
    <>
      <h2 id="section-heading" data-route-focus tabIndex={-1}>
        Evidence
      </h2>
      <p className="live-line" role="status">
        {announcement}
      </p>
      {overview.error && (
        <Notice tone="error" role="alert" title="The evidence could not be loaded">
          <p>{overview.error}</p>
        </Notice>
      )}
      {!data && !overview.error && <LoadingMessage text="Loading the evidence…" />}
      {data && (
        <>
          <WaitingList reviewId={reviewId} data={data} queries={queries.data?.queries ?? []} onOpen={openRequest} />
          <h3>Requests</h3>
          <RequestsTable reviewId={reviewId} data={data} onOpen={openRequest} onChanged={changed} />
          {data.requests.length > 0 && mayRequestEvidence(data.me) && (
            <p>
              <a href={evidencePaths.exportFile(reviewId, 'evidence-pack.zip')} download>
                Download every letter, template and report with the integrated chronology (.zip, OFFICIAL-SENSITIVE)
              </a>
            </p>
          )}
          {mayRequestEvidence(data.me) && <SendRequestsForm reviewId={reviewId} agencies={data.agencies} onSent={changed} />}
          {(data.me.mayAppointSeniorLead || data.me.role === 'review-team') && <SeniorLeadsPanel reviewId={reviewId} data={data} onChanged={changed} />}
          {open && (open.kind === 'learning-template' || open.kind === 'information-report') && (
            <>
              <p>
                <a href={evidencePaths.exportFile(reviewId, `${open.agencyId}/${open.kind}.docx`)} download>
                  Download the {EVIDENCE_KIND_LABELS[open.kind].toLowerCase()} (Word, OFFICIAL-SENSITIVE)
                </a>
              </p>
              <AgencyDocumentEditor
                reviewId={reviewId}
                agencyId={open.agencyId}
                agencyName={data.agencies.find((a) => a.id === open.agencyId)?.name ?? 'Agency'}
                kind={open.kind}
                kloes={data.scope.keyLinesOfEnquiry}
                canWrite={data.me.role === 'agency-author' && data.me.agencyId === open.agencyId && isEditableByAgency(open.status)}
                queries={queries.data?.queries ?? []}
                rights={{ ask: mayAskQuery(data.me), answer: mayAnswerQuery(data.me, open.agencyId), resolve: mayResolveQuery(data.me) }}
                onChanged={changed}
              />
            </>
          )}
          {mayReadKeyThemes(data.me) && <KeyThemesPanel reviewId={reviewId} data={data} queries={queries.data?.queries ?? []} onChanged={changed} />}
          <p className="hint-text">
            Queries are the review team’s working notes: they never appear in any export or in the report.{' '}
            {queries.data ? `${Object.values(queries.data.badges).reduce((n, b) => n + b.unresolved, 0)} unresolved.` : ''}
          </p>
        </>
      )}
    </>
  );
}
