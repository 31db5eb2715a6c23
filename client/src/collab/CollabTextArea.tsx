import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { MAX_TEXT_FIELD_CHARS } from '../../../shared/sync/docShapes.js';
import { ensureText, readTextValue, textDiff } from '../../../shared/sync/yText.js';
import { isSafeText } from '../../../shared/text.js';
import { CURSOR_FIELD, cursorState, placeOf, remoteCursors, type RemoteCursor } from './remoteCursors.js';

/** How often, at most, this browser's caret is sent to others: the server takes 5 presence updates a second. */
const CURSOR_SEND_MS = 250;

/**
 * A labelled multi-line field bound to one collaborative text field of a record (a Y.Text; a plain string
 * from an older document becomes one on the first edit). Every keystroke is written to the shared
 * document as the smallest edit, so two people typing in the field merge character by character; a
 * colleague's typing moves this person's caret with the text, never under it. Others' carets and
 * selections are drawn in the field with their names, and listed in words below it, so colour is never
 * the only cue. The field never shows a value the document does not hold, so nothing stale is written back.
 */
export function CollabTextArea({
  id,
  label,
  hint,
  doc,
  getRecord,
  field,
  awareness,
  cursorKey,
  onValue,
  rows = 3,
  maxLength = MAX_TEXT_FIELD_CHARS,
  error,
  readOnly = false,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  doc: Y.Doc;
  /** The record (Y.Map) holding the field now, or null when it is gone (removed meanwhile). */
  getRecord(): Y.Map<unknown> | null;
  field: string;
  awareness: Awareness | null;
  /** Names this field in awareness, the same in every browser (e.g. `entry:<rowId>:keyEvent`). */
  cursorKey: string;
  /** Told the field's value whenever it changes, here or elsewhere. */
  onValue?(value: string): void;
  rows?: number;
  maxLength?: number;
  /** Shown live (with others' carets) but not editable: a member who may only read the document. */
  readOnly?: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const overlay = useRef<HTMLDivElement>(null);
  const recordOf = useRef(getRecord);
  recordOf.current = getRecord;
  const onValueRef = useRef(onValue);
  onValueRef.current = onValue;
  const read = useCallback(() => {
    const v = recordOf.current()?.get(field);
    return { text: v instanceof Y.Text ? v : null, value: readTextValue(v) ?? '' };
  }, [field]);
  const [value, setValue] = useState(() => read().value);
  const shown = useRef(value);
  const [cursors, setCursors] = useState<RemoteCursor[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [gone, setGone] = useState(() => recordOf.current() === null);
  // This person's selection as relative positions, so a remote edit before it moves it with the text.
  const selection = useRef<{ start: Y.RelativePosition; end: Y.RelativePosition } | null>(null);
  const lastSent = useRef(0);
  const sendTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refreshCursors = useCallback(() => {
    if (!awareness) return;
    setCursors(remoteCursors(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID, cursorKey, doc, read().text));
  }, [awareness, cursorKey, doc, read]);

  const sendCursor = useCallback(() => {
    if (!awareness) return;
    const el = ref.current;
    const { text } = read();
    const send = () => {
      sendTimer.current = null;
      lastSent.current = Date.now();
      const focused = el && document.activeElement === el;
      const state = focused && text ? cursorState(cursorKey, text, el.selectionStart, el.selectionEnd) : null;
      awareness.setLocalStateField(CURSOR_FIELD, state);
    };
    const wait = CURSOR_SEND_MS - (Date.now() - lastSent.current);
    if (wait <= 0) send();
    else if (!sendTimer.current) sendTimer.current = setTimeout(send, wait);
  }, [awareness, cursorKey, read]);

  const remember = useCallback(() => {
    const el = ref.current;
    const { text } = read();
    selection.current =
      el && text ? { start: Y.createRelativePositionFromTypeIndex(text, el.selectionStart), end: Y.createRelativePositionFromTypeIndex(text, el.selectionEnd) } : null;
    sendCursor();
  }, [read, sendCursor]);

  useEffect(() => {
    const onUpdate = () => {
      setGone(recordOf.current() === null);
      const next = read().value;
      if (next !== shown.current) {
        const el = ref.current;
        // The field is updated here and now, not at React's next render: a keystroke landing in between
        // would otherwise be read against text the field no longer shows.
        if (el) {
          const focused = document.activeElement === el;
          const sel = selection.current;
          const s = focused && sel ? Y.createAbsolutePositionFromRelativePosition(sel.start, doc) : null;
          const e = focused && sel ? Y.createAbsolutePositionFromRelativePosition(sel.end, doc) : null;
          const range: [number, number] = s && e ? [s.index, e.index] : [Math.min(el.selectionStart, next.length), Math.min(el.selectionEnd, next.length)];
          el.value = next;
          if (focused) el.setSelectionRange(range[0], range[1]);
        }
        shown.current = next;
        setValue(next);
        onValueRef.current?.(next);
      }
      refreshCursors();
    };
    onUpdate();
    doc.on('update', onUpdate);
    awareness?.on('change', refreshCursors);
    return () => {
      doc.off('update', onUpdate);
      awareness?.off('change', refreshCursors);
    };
  }, [doc, awareness, read, refreshCursors]);

  // Leaving the field (or the form) takes this person's caret away from everyone else's view.
  useEffect(
    () => () => {
      if (sendTimer.current) clearTimeout(sendTimer.current);
      const c = awareness?.getLocalState()?.[CURSOR_FIELD] as { key?: string } | null | undefined;
      if (c?.key === cursorKey) awareness?.setLocalStateField(CURSOR_FIELD, null);
    },
    [awareness, cursorKey],
  );

  // The overlay that draws others' carets copies the field's box, so its text wraps exactly as the field's.
  useLayoutEffect(() => {
    const el = ref.current;
    const o = overlay.current;
    if (!el || !o) return;
    const cs = getComputedStyle(el);
    for (const p of ['font', 'lineHeight', 'letterSpacing', 'padding', 'borderWidth', 'borderStyle', 'boxSizing', 'whiteSpace', 'wordBreak', 'overflowWrap'] as const) {
      o.style[p] = cs[p];
    }
    o.style.borderColor = 'transparent';
    o.style.width = `${el.offsetWidth}px`;
    o.style.height = `${el.offsetHeight}px`;
    o.scrollTop = el.scrollTop;
  });

  const change = (next: string) => {
    if (next.length > maxLength) {
      setProblem(`This field can hold at most ${maxLength.toLocaleString('en-GB')} characters`);
      return;
    }
    if (!isSafeText(next)) {
      setProblem('Control characters cannot be typed or pasted here');
      return;
    }
    setProblem(null);
    const d = textDiff(shown.current, next);
    shown.current = next;
    setValue(next);
    onValueRef.current?.(next);
    doc.transact(() => {
      const record = recordOf.current();
      if (!record) return;
      const text = ensureText(record, field);
      if (d.remove > 0) text.delete(d.index, d.remove);
      if (d.insert) text.insert(d.index, d.insert);
    });
  };

  const shownError = problem ?? error;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = shownError ? `${id}-error` : undefined;
  const othersId = cursors.length > 0 ? `${id}-others` : undefined;
  const describedBy = [hintId, errorId, othersId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${shownError ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {shownError && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {shownError}
        </p>
      )}
      <div className="collab-field">
        <textarea
          ref={ref}
          id={id}
          className="textarea"
          value={value}
          rows={rows}
          readOnly={gone || readOnly}
          onChange={(e) => {
            change(e.target.value);
            remember();
          }}
          onSelect={remember}
          onFocus={remember}
          onKeyUp={remember}
          onMouseUp={remember}
          onBlur={() => {
            selection.current = null;
            sendCursor();
          }}
          onScroll={() => {
            if (overlay.current && ref.current) overlay.current.scrollTop = ref.current.scrollTop;
          }}
          aria-describedby={describedBy}
          aria-invalid={shownError ? true : undefined}
          data-collab-text={cursorKey}
        />
        {cursors.length > 0 && (
          <div ref={overlay} className="collab-field__overlay" aria-hidden="true">
            {drawCursors(value, cursors)}
          </div>
        )}
      </div>
      {cursors.length > 0 && (
        <p className="collab-field__others" id={othersId} data-testid={`${id}-others`}>
          {cursors.map((c, i) => (
            <Fragment key={c.clientId}>
              {i > 0 && '; '}
              <span className="collab-field__who" style={{ borderColor: c.colour, background: c.colour }}>
                {c.name}
              </span>{' '}
              is {c.anchor === c.head ? 'typing' : 'selecting'} here, {placeOf(value, c.head)}
            </Fragment>
          ))}
          .
        </p>
      )}
    </div>
  );
}

/** The field's text with each remote caret (a bar with the person's name) and selection (a tint) drawn in place. */
function drawCursors(text: string, cursors: readonly RemoteCursor[]): ReactNode[] {
  type Mark = { at: number; kind: 'caret' | 'from' | 'to'; c: RemoteCursor };
  const marks: Mark[] = [];
  for (const c of cursors) {
    marks.push({ at: c.head, kind: 'caret', c });
    if (c.anchor !== c.head) {
      marks.push({ at: Math.min(c.anchor, c.head), kind: 'from', c });
      marks.push({ at: Math.max(c.anchor, c.head), kind: 'to', c });
    }
  }
  marks.sort((a, b) => a.at - b.at);
  const out: ReactNode[] = [];
  const open = new Map<number, RemoteCursor>();
  let pos = 0;
  const piece = (end: number) => {
    if (end <= pos) return;
    const s = text.slice(pos, end);
    const tint = [...open.values()][0];
    out.push(
      tint ? (
        <mark key={`t${pos}`} className="collab-field__selection" style={{ background: tint.colour }}>
          {s}
        </mark>
      ) : (
        <span key={`t${pos}`}>{s}</span>
      ),
    );
    pos = end;
  };
  for (const m of marks) {
    piece(m.at);
    if (m.kind === 'from') open.set(m.c.clientId, m.c);
    else if (m.kind === 'to') open.delete(m.c.clientId);
    else
      out.push(
        <span key={`c${m.c.clientId}`} className="collab-field__caret" style={{ borderColor: '#0b0c0c' }}>
          <span className="collab-field__name" style={{ background: m.c.colour }}>
            {m.c.name}
          </span>
        </span>,
      );
  }
  piece(text.length);
  // A trailing line break needs a character after it to take up its line, as it does in the field.
  out.push(<span key="end">{'\u200b'}</span>);
  return out;
}
