import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AgencyInfo } from '../../../shared/chronology/index.js';
import { errorMessage } from '../api/client.js';
import { Notice } from '../components/Notice.js';
import { SelectField } from '../components/SelectField.js';
import { uploadChronology, type ImportReport } from './chronologyApi.js';

/** The file types offered in the file picker; the server checks the content itself. */
const ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Stage =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'preview'; report: ImportReport; file: File; agencyId: string }
  | { step: 'importing'; report: ImportReport; file: File; agencyId: string }
  | { step: 'done'; imported: number; agencyId: string };

/**
 * Imports an agency's chronology spreadsheet (.xlsx or .csv, Document 10 layout). The file is first
 * checked on the server without writing anything: every row that would be imported, and every
 * rejected row with its row number and reason, is listed. Only after confirming is it imported, all
 * at once; re-importing the same file adds nothing.
 */
export function ImportPanel({ reviewId, agencies, initialAgencyId, onClose }: { reviewId: string; agencies: readonly AgencyInfo[]; initialAgencyId: string; onClose(): void }) {
  const [agencyId, setAgencyId] = useState(initialAgencyId);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const agencyName = (id: string) => {
    const a = agencies.find((x) => x.id === id);
    return a ? `${a.shortCode}: ${a.name}` : 'the agency';
  };

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!file) {
      setError('Choose a spreadsheet to import, as .xlsx or .csv');
      document.getElementById('import-file')?.focus();
      return;
    }
    setStage({ step: 'checking' });
    try {
      const report = await uploadChronology(reviewId, agencyId, file, true);
      setStage({ step: 'preview', report, file, agencyId });
    } catch (err) {
      setError(errorMessage(err));
      setStage({ step: 'choose' });
    }
  };

  const confirm = async () => {
    if (stage.step !== 'preview') return;
    setError(null);
    setStage({ ...stage, step: 'importing' });
    try {
      const report = await uploadChronology(reviewId, stage.agencyId, stage.file, false);
      setStage({ step: 'done', imported: report.imported, agencyId: stage.agencyId });
    } catch (err) {
      setError(errorMessage(err));
      setStage({ ...stage, step: 'preview' });
    }
  };

  const doneButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (stage.step === 'done') doneButton.current?.focus();
  }, [stage.step]);

  if (stage.step === 'done') {
    return (
      <div role="status">
        <Notice tone="success" title="Import complete">
          <p>
            {stage.imported === 0 ? 'No new rows were added' : `${stage.imported.toLocaleString('en-GB')} ${stage.imported === 1 ? 'row was' : 'rows were'} added`} to the{' '}
            {agencyName(stage.agencyId)} chronology. Everyone in the review sees them now.
          </p>
        </Notice>
        <button type="button" className="button" onClick={onClose} ref={doneButton}>
          Close
        </button>
      </div>
    );
  }

  const report = stage.step === 'preview' || stage.step === 'importing' ? stage.report : null;
  return (
    <>
      {error && (
        <Notice tone="error" role="alert" title="The file could not be imported">
          <p>{error}</p>
        </Notice>
      )}
      {!report ? (
        <form onSubmit={check} noValidate>
          <p>
            Upload the agency’s chronology in the Document 10 layout, as an Excel workbook (.xlsx) or a CSV file. Nothing is added until you have checked the rows and confirmed.
          </p>
          {agencies.length > 1 ? (
            <SelectField
              id="import-agency"
              label="Agency"
              value={agencyId}
              onChange={setAgencyId}
              options={agencies.map((a) => ({ value: a.id, label: `${a.shortCode}: ${a.name}` }))}
              hint="As lead reviewer you can import on behalf of any agency."
            />
          ) : (
            <p>
              <strong>Agency:</strong> {agencyName(agencyId)}
            </p>
          )}
          <div className="field">
            <label className="field__label" htmlFor="import-file">
              Spreadsheet (.xlsx or .csv)
            </label>
            <p className="field__hint" id="import-file-hint">
              Formulas are not run; dates may be written as 12/03/2019, March 2019, 2019, ?/06/2018 or c. 2017.
            </p>
            <input id="import-file" type="file" className="chron-file" accept={ACCEPT} aria-describedby="import-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={stage.step === 'checking'}>
              {stage.step === 'checking' ? 'Checking the file…' : 'Check the file'}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <ImportPreview
          report={report}
          agencyLabel={agencyName(stage.step === 'preview' || stage.step === 'importing' ? stage.agencyId : agencyId)}
          busy={stage.step === 'importing'}
          onConfirm={() => void confirm()}
          onBack={() => {
            setStage({ step: 'choose' });
            setFile(null);
          }}
        />
      )}
    </>
  );
}

/** The preview's columns, each as the row will store and export it. */
const PREVIEW_COLUMNS: readonly [keyof ImportReport['preview'][number], string][] = [
  ['date', 'Date'],
  ['time', 'Time'],
  ['source', 'Source of information'],
  ['childContact', 'Contact with the child'],
  ['familyContact', 'Contact with family members'],
  ['event', 'Key event'],
  ['comment', 'Comment and analysis'],
  ['category', 'Category'],
  ['otherInfo', 'Other information'],
];

/** The value an unknown column gave a row, read back from its "Header: value" line in Other information. */
function valueUnder(otherInfo: string, header: string): string {
  const line = otherInfo.split('\n').find((l) => l.startsWith(`${header}: `));
  return line ? line.slice(header.length + 2) : '';
}

/** The dry run's findings: counts, every rejected row with its reason, and every row to be imported. */
function ImportPreview({ report, agencyLabel, busy, onConfirm, onBack }: { report: ImportReport; agencyLabel: string; busy: boolean; onConfirm(): void; onBack(): void }) {
  const n = report.imported;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: start reading at the findings.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div data-testid="import-preview">
      <h3 tabIndex={-1} ref={heading} className="chron-form__heading">
        Check the rows before importing
      </h3>
      <div role="status">
        <ul className="chron-import__counts">
          <li>
            {n.toLocaleString('en-GB')} {n === 1 ? 'row' : 'rows'} will be added to the {agencyLabel} chronology.
          </li>
          {report.duplicates > 0 && (
            <li>
              {report.duplicates.toLocaleString('en-GB')} {report.duplicates === 1 ? 'row is' : 'rows are'} already in the chronology and will not be added again.
            </li>
          )}
          {report.unknownColumns.length > 0 && (
            <li>
              {report.unknownColumns.length === 1 ? 'One column has' : `${report.unknownColumns.length} columns have`} no field of its own ({report.unknownColumns.join(', ')}):{' '}
              {report.unknownColumns.length === 1 ? 'its words are' : 'their words are'} kept in each row’s Other information, under the column’s header.
            </li>
          )}
          <li>
            {report.rejected.length === 0
              ? 'No rows were rejected.'
              : `${report.rejected.length.toLocaleString('en-GB')} ${report.rejected.length === 1 ? 'row was' : 'rows were'} rejected and will not be added.`}
          </li>
        </ul>
      </div>
      {report.rejected.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
        <section className="chron-import__table" aria-label="Rejected rows" tabIndex={0}>
          <table className="table">
            <caption className="table__caption">Rejected rows</caption>
            <thead>
              <tr>
                <th scope="col">Row in the file</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.row}-${r.reason}`}>
                  <td>{r.row}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {report.preview.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
        <section className="chron-import__table" aria-label="Rows to import" tabIndex={0}>
          <table className="table">
            <caption className="table__caption">Rows to import</caption>
            <thead>
              <tr>
                {PREVIEW_COLUMNS.map(([key, label]) => (
                  <th scope="col" key={key}>
                    {label}
                  </th>
                ))}
                {report.unknownColumns.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the file's columns have no other identity than their position
                  <th scope="col" key={`u${i}`}>
                    {h} (kept in Other information)
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.preview.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a read-only preview of the file's rows in file order; the row's position is its identity
                <tr key={i}>
                  {PREVIEW_COLUMNS.map(([key]) => (
                    <td key={key} className="chron-import__cell">
                      {p[key] ?? ''}
                    </td>
                  ))}
                  {report.unknownColumns.map((h, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the file's columns have no other identity than their position
                    <td key={`u${c}`} className="chron-import__cell">
                      {valueUnder(p.otherInfo, h)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className="button-row">
        {n > 0 && (
          <button type="button" className="button" onClick={onConfirm} disabled={busy}>
            {busy ? 'Importing…' : `Import ${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onBack} disabled={busy}>
          Choose another file
        </button>
      </div>
    </div>
  );
}
