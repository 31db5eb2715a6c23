import { useEffect, useRef } from 'react';

/**
 * Moves focus to the new page's heading after an in-app navigation, as a full page load would, so
 * keyboard and screen reader users start at the top of the new content. An element marked
 * data-route-focus (a tab's heading) wins over the page's h1. The first render is left alone.
 */
export function useRouteFocus(pathname: string): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pathname` is the trigger: focus moves after each navigation, though the effect reads the DOM rather than the path
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = document.querySelector<HTMLElement>('[data-route-focus]') ?? document.querySelector<HTMLElement>('main h1');
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  }, [pathname]);
}
