/** A polite status message while something loads. */
export function LoadingMessage({ text = 'Loading…' }: { text?: string }) {
  return (
    <p className="loading" role="status">
      {text}
    </p>
  );
}
