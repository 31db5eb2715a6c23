import { useEffect } from 'react';

/** Sets the browser tab title for the current page, so each page is distinguishable (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Review Room`;
  }, [title]);
}
