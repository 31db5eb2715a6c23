import { chronologyDateRange, type IntegratedRow } from '../../../shared/chronology/index.js';
import { formatUkDate, type IsoDate } from '../../../shared/dates.js';
import { dateText, safeColour } from './rowDisplay.js';

/**
 * The data behind the timeline view, kept free of the DOM so it can be tested: one item per row in
 * its agency's lane, and workshop phases as background ranges. The item's visible content is built
 * from these plain fields as DOM nodes (timelineContent.ts), never as an HTML string. How many of
 * the rows become items at a given zoom is decided in timelineWindow.ts.
 */

/** A workshop phase, as GET /api/reviews/:id/chronology lists them. */
export type Phase = { id: string; title: string; start: IsoDate; end: IsoDate };

/** What an item's content is built from. */
export type ItemLabel =
  | { kind: 'row'; rowId: string; code: string; date: string; keyLearning: boolean; uncertain: boolean; event: string; short: string; day: number }
  | { kind: 'cluster'; code: string; count: number; keyCount: number; from: string; to: string; zoomStart: number; zoomEnd: number; firstRowId: string }
  | { kind: 'phase'; title: string; range: string };

/** A timeline item as handed to vis-data (content is filled in by the template, from `label`). */
export type TimelineItemData = {
  id: string;
  group?: string;
  start: Date;
  end?: Date;
  type: 'box' | 'range' | 'background';
  className: string;
  style?: string;
  content: '';
  label: ItemLabel;
};

/** Most characters of the key event read out with an item; the whole text is shown on focus or hover, and in the table. */
export const ITEM_EVENT_CHARS = 60;

/** Most characters of the key event drawn on an item, so the story reads at a glance while items stay small. */
export const ITEM_SHORT_CHARS = 30;

/** Prefix of phase item ids, so they can never collide with a row id. */
export const PHASE_ID_PREFIX = 'phase:';

/** Local midnight of an ISO day: the timeline draws in the browser's time zone. */
export function localDay(iso: IsoDate, addDays = 0): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + addDays);
}

/** Shortens text to `max` characters at a word boundary where it can, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * One row as a timeline item: an exact day is a box on that day; a month or year is a range over
 * the whole period it can mean, so imprecision is drawn, not hidden. Key practice learning events
 * get a class that draws a heavy border, and their content says "Key learning" in words.
 */
export function rowItem(row: IntegratedRow): TimelineItemData {
  const { start, end } = chronologyDateRange(row.date);
  const exact = row.date.precision === 'day';
  const classes = ['tl-item'];
  if (row.team.keyLearning) classes.push('tl-item--key');
  if (row.date.uncertainty !== 'none') classes.push('tl-item--uncertain');
  return {
    id: row.id,
    group: row.agencyId,
    start: localDay(start),
    ...(exact ? {} : { end: localDay(end, 1) }),
    type: exact ? 'box' : 'range',
    className: classes.join(' '),
    style: `background-color: ${safeColour(row.colour)};`,
    content: '',
    label: {
      kind: 'row',
      rowId: row.id,
      code: row.agencyCode,
      date: dateText(row),
      keyLearning: row.team.keyLearning,
      uncertain: row.date.uncertainty !== 'none',
      event: shorten(row.keyEvent, ITEM_EVENT_CHARS),
      short: shorten(row.keyEvent, ITEM_SHORT_CHARS),
      day: localDay(start).getTime(),
    },
  };
}

/** A workshop phase as a background range across every lane, labelled with its title. */
export function phaseItem(phase: Phase, index: number): TimelineItemData {
  return {
    id: `${PHASE_ID_PREFIX}${phase.id}`,
    start: localDay(phase.start),
    end: localDay(phase.end, 1),
    type: 'background',
    className: `tl-phase tl-phase--${index % 2 === 0 ? 'even' : 'odd'}`,
    content: '',
    label: { kind: 'phase', title: phase.title, range: `${formatUkDate(phase.start)} to ${formatUkDate(phase.end)}` },
  };
}

/** A string that changes whenever anything drawn for an item changes, to update only changed items. */
export function itemSignature(item: TimelineItemData): string {
  return JSON.stringify([item.group, item.start.getTime(), item.end?.getTime(), item.type, item.className, item.style, item.label]);
}

/**
 * The changes that turn the items on screen (id -> signature) into `next`: what to add or update,
 * and which ids to remove. Filtering 5,000 rows then touches only the rows that came or went.
 */
export function diffItems(
  shown: ReadonlyMap<string, string>,
  next: readonly TimelineItemData[],
): {
  upsert: TimelineItemData[];
  remove: string[];
  signatures: Map<string, string>;
} {
  const signatures = new Map<string, string>();
  const upsert: TimelineItemData[] = [];
  for (const item of next) {
    const sig = itemSignature(item);
    signatures.set(item.id, sig);
    if (shown.get(item.id) !== sig) upsert.push(item);
  }
  const remove = [...shown.keys()].filter((id) => !signatures.has(id));
  return { upsert, remove, signatures };
}

/** The window after moving by `fraction` of its width (negative: earlier), the non-drag way to pan. */
export function shiftWindow(start: Date, end: Date, fraction: number): { start: Date; end: Date } {
  const span = end.getTime() - start.getTime();
  const by = span * fraction;
  return { start: new Date(start.getTime() + by), end: new Date(end.getTime() + by) };
}
