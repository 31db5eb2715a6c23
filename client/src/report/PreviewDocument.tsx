import { Fragment, type ReactNode } from 'react';
import { TableWrap } from '../components/TableWrap.js';
import type { PreviewBlock, PreviewModel } from './reportApi.js';

/** Text with its line breaks kept, as the Word file keeps them; React escapes it, so case text can never become markup. */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, in order; a line's position is its identity
        <Fragment key={i}>
          {i > 0 && <br />}
          {l}
        </Fragment>
      ))}
    </>
  );
}

/** The report's heading levels 1 to 3, placed under the preview's own heading (h3) so the page outline stays whole. */
const HEADING_TAGS = { 1: 'h4', 2: 'h5', 3: 'h6' } as const;

function renderBlock(b: PreviewBlock, key: number, context: string): ReactNode {
  switch (b.kind) {
    case 'title-page':
      return (
        <div className="report-preview__title-page" key={key}>
          <p className="report-preview__title-marking">{b.marking}</p>
          <p className="report-preview__title">{b.title}</p>
          {b.partnership && <p>{b.partnership}</p>}
          <p>Lead reviewer(s): {b.leadReviewers.join(', ') || '[lead reviewer]'}</p>
          <p>Date: {b.date}</p>
        </div>
      );
    case 'contents':
      return (
        <Fragment key={key}>
          <h4>Contents</h4>
          <p className="report-preview__placeholder">
            <em>Word builds the table of contents from the headings when the document is opened.</em>
          </p>
        </Fragment>
      );
    case 'page-break':
      return (
        <p className="report-preview__page-break" key={key}>
          Page break
        </p>
      );
    case 'heading': {
      const Tag = HEADING_TAGS[b.level];
      return (
        <Tag key={key}>
          <Lines text={b.text} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p key={key}>
          <Lines text={b.text} />
        </p>
      );
    case 'prompt':
      return (
        <p className="report-preview__prompt" key={key}>
          <span className="visually-hidden">Guidance: </span>
          <em>
            <Lines text={b.text} />
          </em>
        </p>
      );
    case 'placeholder':
      return (
        <p className="report-preview__placeholder" key={key}>
          <em>
            <Lines text={b.text} />
          </em>
        </p>
      );
    case 'bullets':
      return (
        <ul key={key}>
          {b.items.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: bullets of a read-only preview, plain strings in order; a bullet's position is its identity
            <li key={i}>
              <Lines text={t} />
            </li>
          ))}
        </ul>
      );
    case 'quote':
      return (
        <blockquote className="report-preview__quote" key={key}>
          <p>
            <em>
              &ldquo;
              <Lines text={b.text} />
              &rdquo;
            </em>
          </p>
        </blockquote>
      );
    case 'learning-point':
      return (
        <div className="report-preview__learning-point" key={key}>
          <p>
            <strong>Learning Point {b.number}: </strong>
            <Lines text={b.text} />
          </p>
        </div>
      );
    case 'table':
      return (
        <TableWrap label={`${context} table`} key={key}>
          <table className="table report-preview__table">
            <caption className="visually-hidden">{context}</caption>
            <thead>
              <tr>
                {b.header.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: header cells by column index; the column's position is its identity
                  <th scope="col" key={i}>
                    <Lines text={h} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows and cells of a read-only preview table, by position; the position is their identity
                <tr key={i}>
                  {r.map((c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows and cells of a read-only preview table, by position; the position is their identity
                    <td key={j}>
                      <Lines text={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      );
  }
}

/**
 * The report as the Word file holds it: the same blocks from the same model, in order, with the
 * protective marking above and below as the file's header and footer carry it. Built from React
 * elements only, so nothing in the text is ever read as HTML.
 */
export function PreviewDocument({ model }: { model: PreviewModel }) {
  let context = 'Report';
  return (
    <article className="report-preview" aria-label="Preview of the draft report">
      <p className="report-preview__marking">{model.marking}</p>
      {model.blocks.map((b, i) => {
        if (b.kind === 'heading') context = b.text;
        return renderBlock(b, i, context);
      })}
      <p className="report-preview__marking">{model.marking}</p>
    </article>
  );
}
