import type { ReactNode } from 'react';

/** A small text label such as "Fictional demo" or "Rapid Review". */
export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'demo' | 'info' }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
