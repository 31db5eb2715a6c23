import { useLayoutEffect, type RefObject } from 'react';

/** The controls a reader may not operate: everything but the long texts, which stay focusable (read only). */
const SHORT_CONTROLS = 'input, select, button';

/**
 * While `on`, disables every short control (input, select, button) inside `container`, including those
 * rendered later. The builder used a disabled fieldset for a reader, but that also disables its text
 * areas, which then cannot be focused, selected or copied; its long texts are read only instead
 * (CollabTextArea's readOnly), and this keeps the rest disabled without threading a flag into each control.
 */
export function useDisabledControls(container: RefObject<HTMLElement | null>, on: boolean): void {
  useLayoutEffect(() => {
    const root = container.current;
    if (!on || !root) return;
    const disableAll = () => {
      for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(SHORT_CONTROLS)) {
        if (!el.disabled) el.disabled = true;
      }
    };
    disableAll();
    // React re-enables a control whose own `disabled` turns false, and renders new ones: disable them again.
    const observer = new MutationObserver(disableAll);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    return () => observer.disconnect();
  }, [container, on]);
}
