/** Move up, move down and remove buttons for one item of a list: the keyboard way to reorder, with no dragging. */
export function ItemControls({
  baseId,
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** Prefix of the buttons' ids, so focus can be put back on them after a move. */
  baseId: string;
  /** The item's name for screen readers, for example "theme 2". */
  what: string;
  index: number;
  count: number;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  return (
    <div className="report-item__controls">
      <button type="button" id={`${baseId}-up`} className="button button--secondary button--small" disabled={index === 0} onClick={() => onMove(-1)}>
        Move up<span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" id={`${baseId}-down`} className="button button--secondary button--small" disabled={index === count - 1} onClick={() => onMove(1)}>
        Move down<span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" id={`${baseId}-remove`} className="button button--warning button--small" onClick={onRemove}>
        Remove<span className="visually-hidden"> {what}</span>
      </button>
    </div>
  );
}
