import type { AgencyInfo } from '../../../shared/chronology/index.js';
import type { ItemLabel } from './timelineItems.js';

/**
 * The visible content of timeline items and lanes, built as DOM nodes whose text is set with
 * textContent. vis-timeline is never handed an HTML string from case data, so no row text can ever
 * be read as markup, and its own XSS filter stays on for anything else.
 */

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/**
 * A row's item: a button (so the keyboard reaches it and Enter opens the row) that shows the agency
 * code, the date, "Key learning" when marked, and a short form of the key event on a second line, so
 * the story reads at a glance. The whole event is shown beside the timeline on focus or hover.
 */
export function rowItemContent(label: Extract<ItemLabel, { kind: 'row' }>, onOpen: (rowId: string) => void): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tl-item__button';
  button.dataset.rowId = label.rowId;
  button.dataset.day = String(label.day);
  button.append(span('tl-item__code', label.code), document.createTextNode(' '), span('tl-item__date', label.date));
  if (label.keyLearning) button.append(document.createTextNode(' '), span('tl-item__key', 'Key learning'));
  if (label.short) button.append(span('tl-item__event', label.short));
  button.append(span('visually-hidden', `. ${label.event && label.event !== label.short ? `${label.event}. ` : ''}Open this row in the table`));
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    onOpen(label.rowId);
  });
  return button;
}

/**
 * A cluster of one agency's rows too close together to show at this zoom: a button that says the
 * agency code and how many rows (and how many are key learning), and zooms in to them when pressed.
 */
export function clusterContent(label: Extract<ItemLabel, { kind: 'cluster' }>, onZoom: (start: number, end: number, firstRowId: string) => void): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tl-item__button';
  button.dataset.firstRow = label.firstRowId;
  button.append(span('tl-item__code', label.code), document.createTextNode(` ${label.count} rows`));
  if (label.keyCount > 0) button.append(document.createTextNode(' '), span('tl-item__key', `${label.keyCount} key learning`));
  button.append(span('visually-hidden', `, ${label.from} to ${label.to}. Zoom in to see them`));
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    onZoom(label.zoomStart, label.zoomEnd, label.firstRowId);
  });
  return button;
}

/** A workshop phase's label, drawn at the top of its background range. */
export function phaseContent(label: Extract<ItemLabel, { kind: 'phase' }>): HTMLElement {
  const el = span('tl-phase__label', `Phase: ${label.title}`);
  el.append(span('visually-hidden', `, ${label.range}`));
  return el;
}

/** An agency lane's heading: its short code and name, in words. */
export function laneContent(agency: AgencyInfo): HTMLElement {
  const el = document.createElement('span');
  el.className = 'tl-lane';
  el.append(span('tl-lane__code', agency.shortCode), document.createElement('br'), span('tl-lane__name', agency.name));
  return el;
}
