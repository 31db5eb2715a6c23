/**
 * One field a colleague changed while you were editing it (the "changed while you were editing"
 * notice of the row, organisational change and person forms): what you typed, what it is now and who
 * changed it, and a choice of which to keep, each button naming its field for screen readers.
 */
export function FieldConflictChoice({
  label,
  mine,
  theirs,
  by,
  onUseTheirs,
  onKeepMine,
}: {
  label: string;
  mine: string;
  theirs: string;
  /** Who changed it, when known. */
  by?: string | undefined;
  onUseTheirs(): void;
  onKeepMine(): void;
}) {
  return (
    <li>
      <strong>{label}</strong>: you typed &ldquo;{mine}&rdquo;; {by ? `${by} changed it to` : 'it was changed to'} &ldquo;{theirs}&rdquo;.{' '}
      <span className="button-row">
        <button type="button" className="button button--secondary button--small" onClick={onUseTheirs}>
          Use their version<span className="visually-hidden"> of {label}</span>
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onKeepMine}>
          Keep mine<span className="visually-hidden"> for {label}</span>
        </button>
      </span>
    </li>
  );
}
