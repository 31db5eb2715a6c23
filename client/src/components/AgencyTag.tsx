/** An agency's colour swatch with its short code always beside it, so colour is never the only cue. */
export function AgencyTag({ shortCode, colour, name }: { shortCode: string; colour: string; name?: string }) {
  return (
    <span className="agency-tag" style={{ backgroundColor: colour }} title={name}>
      <span className="agency-tag__code">{shortCode}</span>
      {name && <span className="visually-hidden">: {name}</span>}
    </span>
  );
}
