import type { ReactNode } from 'react';

/** A boxed message: information, success or a problem. The heading text carries the meaning, not the colour. */
export function Notice({ tone = 'info', title, children, role }: { tone?: 'info' | 'success' | 'error'; title?: string; children?: ReactNode; role?: 'status' | 'alert' }) {
  return (
    <div className={`notice notice--${tone}`} role={role}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}
