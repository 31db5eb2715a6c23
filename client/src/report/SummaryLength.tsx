import { executiveSummaryLength } from '../../../shared/report/length.js';

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * The executive summary's word count against the two-page limit, shown under the box as Word shows
 * it in its status bar. It is not a live region: announcing every keystroke would drown out typing.
 * Over the limit it says so in words, not only by colour.
 */
export function SummaryLength({ text }: { text: string }) {
  const { words, max, over } = executiveSummaryLength(text);
  return (
    <p className={`field__hint${over ? ' report-length--over' : ''}`} data-testid="summary-length">
      {over ? (
        <>
          <strong>Warning: </strong>
          {n(words)} words, more than two pages (about {n(max)} words). Shorten it before the report is published.
        </>
      ) : (
        <>
          {n(words)} {words === 1 ? 'word' : 'words'} of about {n(max)} (two pages).
        </>
      )}
    </p>
  );
}
