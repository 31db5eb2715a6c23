import type { ReactNode } from 'react';

/** A horizontally scrollable region for a wide table on narrow screens; focusable so the keyboard can scroll it. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
