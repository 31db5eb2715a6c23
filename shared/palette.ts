/**
 * Agency colours. Each is a light fill that passes WCAG 2.2 AA (4.5:1) against black text, and each has
 * a distinct name, because the short code and name are always shown with the colour: colour is never the
 * only cue.
 */
export const AGENCY_PALETTE = [
  { name: 'Blue', fill: '#cfe2ff' },
  { name: 'Green', fill: '#d1f0d6' },
  { name: 'Amber', fill: '#ffe7b3' },
  { name: 'Pink', fill: '#fbd3e4' },
  { name: 'Purple', fill: '#e2d6f7' },
  { name: 'Teal', fill: '#c8eeee' },
  { name: 'Orange', fill: '#ffd8c2' },
  { name: 'Grey', fill: '#e3e3e3' },
  { name: 'Lime', fill: '#e6f5c0' },
  { name: 'Sand', fill: '#efe3cf' },
] as const;

/** The fills an agency may use. */
export const AGENCY_COLOURS: readonly string[] = AGENCY_PALETTE.map((c) => c.fill);

/** The first palette colour not yet used by the review's agencies, cycling when all are taken. */
export function nextAgencyColour(used: readonly string[]): string {
  const free = AGENCY_COLOURS.find((c) => !used.includes(c));
  return free ?? AGENCY_COLOURS[used.length % AGENCY_COLOURS.length]!;
}
