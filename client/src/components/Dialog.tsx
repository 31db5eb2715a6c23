import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal side panel built on the native <dialog>, which traps focus, closes on Escape and hides the
 * page behind it from assistive technology. Focus goes to the first field on open and back to the
 * element that opened it on close.
 */
export function Dialog({ title, titleId, onClose, children }: { title: string; titleId: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, [data-autofocus]');
    (first ?? dialog).focus();
    const handleCancel = (e: Event) => {
      e.preventDefault(); // React owns whether the dialog is shown
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      if (dialog.open) dialog.close();
      // The opener may have been re-rendered away; fall back to the page heading.
      if (opener && opener.isConnected) opener.focus();
      else document.querySelector<HTMLElement>('[data-route-focus]')?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="side-panel" aria-labelledby={titleId}>
      <div className="side-panel__header">
        <h2 id={titleId} className="side-panel__title">
          {title}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Close<span className="visually-hidden"> {title}</span>
        </button>
      </div>
      <div className="side-panel__body">{children}</div>
    </dialog>
  );
}
