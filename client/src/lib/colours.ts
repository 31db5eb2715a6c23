import { AGENCY_PALETTE } from '../../../shared/palette.js';

/** The palette name of a fill, so the colour is always named in text as well as shown. */
export function colourName(fill: string): string {
  return AGENCY_PALETTE.find((c) => c.fill === fill.toLowerCase())?.name ?? 'Custom colour';
}
