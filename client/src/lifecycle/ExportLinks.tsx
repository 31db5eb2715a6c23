/** Download links for the Word exports; plain links, so the browser saves the file and the keyboard reaches them. */
export function ExportLinks({ reviewId, items }: { reviewId: string; items: readonly { file: string; label: string }[] }) {
  return (
    <section className="panel" aria-labelledby="exports-heading">
      <h3 id="exports-heading">Word documents</h3>
      <p>
        Marked OFFICIAL-SENSITIVE on every page. They keep real names because they go to the National Panel and to agencies, never to publication. Save first: the documents are
        made from the last saved version.
      </p>
      <ul className="export-list">
        {items.map((i) => (
          <li key={i.file}>
            <a href={`/api/reviews/${encodeURIComponent(reviewId)}/lifecycle/${i.file}`} download={i.file}>
              {i.label}
              <span className="muted"> (Word document)</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
