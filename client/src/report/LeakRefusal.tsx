import { TableWrap } from '../components/TableWrap.js';
import type { LeakProblem } from './exportDownload.js';

/** Most places listed; the rest are counted, so a long list cannot bury the advice. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * What the leak check refused, and where: shown as an alert when the server answers 422 leak-found.
 * It says plainly that nothing was downloaded. The server lists places and kinds of problem, never the
 * leaked text itself, so this shows nothing identifying.
 */
export function LeakRefusal({ format, message, problems }: { format: 'docx' | 'md'; message: string; problems: readonly LeakProblem[] }) {
  const what = format === 'docx' ? 'Word file' : 'Markdown file';
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS);
  return (
    <div className="notice notice--error report-refusal" role="alert" aria-labelledby="report-refusal-title">
      <p className="notice__title" id="report-refusal-title">
        Nothing was downloaded: the leak check refused the {what}
      </p>
      <p>The {what} still holds identifying details from the people register or document history, so it was not produced and nothing was saved to your device.</p>
      {shown.length > 0 ? (
        <>
          <p>The check found {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`}:</p>
          <TableWrap label="Places the leak check found problems">
            <table className="table">
              <caption className="visually-hidden">Where the leak check found problems</caption>
              <thead>
                <tr>
                  <th scope="col">Place</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of problems from one check, in order; a problem's position is its identity
                  <tr key={i}>
                    <td className="break">{p.place}</td>
                    <td>{p.problem}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {problems.length > shown.length && <p>And {problems.length - shown.length} more.</p>}
        </>
      ) : (
        <p>{message}</p>
      )}
      <p>Fix the text in the draft or the chronology, or give each person in the people register a report label that is not their name, then download again.</p>
    </div>
  );
}
