/**
 * The styles part (xl/styles.xml) for workbooks we write, built as cells ask for styles. Text is always
 * black; a fill too dark for black text to reach WCAG AA contrast (4.5:1) is lightened towards white,
 * keeping its hue, so an agency's colour stays recognisable and every row stays readable. The agency
 * code is always a column of its own, so colour is never the only cue.
 */

/** What a cell is, which decides font, border and alignment. */
export type CellRole = 'banner' | 'header' | 'body';

/** Registry of cell formats (`cellXfs`); indexes are what a cell's `s` attribute refers to. */
export interface StyleRegistry {
  /** The `s` index for a cell of `role` with an optional solid fill ("#RRGGBB" or "RRGGBB"). */
  styleFor(role: CellRole, fill?: string | null): number;
  /** The complete styles part. */
  toXml(): string;
}

/** Fill for header cells when the caller gives none: light grey, 15.4:1 against black. */
export const DEFAULT_HEADER_FILL = 'D9D9D9';

/** WCAG AA minimum contrast for normal-size text. */
const MIN_CONTRAST = 4.5;

/** Relative luminance of an sRGB colour (WCAG 2.2 definition). */
function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of black text on `rgb`. */
export function contrastWithBlack(rgb: readonly number[]): number {
  return (luminance(rgb) + 0.05) / 0.05;
}

/** Parses "#RRGGBB", "RRGGBB" or "#RGB" into channels; throws RangeError otherwise (fills come from validated records). */
function parseHex(hex: string): number[] {
  let h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, '$&$&');
  if (!/^[0-9a-f]{6}$/i.test(h)) throw new RangeError(`Not a hex colour: ${JSON.stringify(hex)}`);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

/** Returns the fill as upper-case "RRGGBB", mixed towards white just enough for black text to reach 4.5:1. */
export function readableFill(hex: string): string {
  const rgb = parseHex(hex);
  let mixed = rgb;
  for (let step = 1; step <= 20 && contrastWithBlack(mixed) < MIN_CONTRAST; step++) {
    mixed = rgb.map((v) => Math.round(v + ((255 - v) * step) / 20));
  }
  return mixed
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

const FONT = (bold: boolean): string => `<font>${bold ? '<b/>' : ''}<sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>`;
const THIN =
  '<left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right>' +
  '<top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/>';

/** Creates an empty registry; style 0 is Excel's "Normal", the fills list starts with the two Excel requires. */
export function createStyleRegistry(): StyleRegistry {
  const fills: string[] = []; // RRGGBB of solid fills; fill ids start at 2
  const xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const byKey = new Map<string, number>();

  const fillId = (rgb: string | null): number => {
    if (rgb === null) return 0;
    let index = fills.indexOf(rgb);
    if (index === -1) index = fills.push(rgb) - 1;
    return index + 2;
  };

  return {
    styleFor(role, fill) {
      // Keyed by the caller's spelling first, so a 5,000-row export parses each agency colour once.
      const requestKey = `${role}|${fill ?? ''}`;
      const cached = byKey.get(requestKey);
      if (cached !== undefined) return cached;
      const rgb = fill ? readableFill(fill) : role === 'header' ? DEFAULT_HEADER_FILL : null;
      const key = `${role}|#${rgb ?? ''}`;
      const known = byKey.get(key);
      if (known !== undefined) {
        byKey.set(requestKey, known);
        return known;
      }
      const font = role === 'body' ? 0 : 1;
      const border = role === 'banner' ? 0 : 1;
      const align = role === 'banner' ? '<alignment vertical="center"/>' : '<alignment vertical="top" wrapText="1"/>';
      const id = fillId(rgb);
      xfs.push(`<xf numFmtId="0" fontId="${font}" fillId="${id}" borderId="${border}" xfId="0" applyFont="1" ` + `applyFill="1" applyBorder="1" applyAlignment="1">${align}</xf>`);
      byKey.set(key, xfs.length - 1);
      byKey.set(requestKey, xfs.length - 1);
      return xfs.length - 1;
    },
    toXml() {
      const fillXml = [
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
        ...fills.map((rgb) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`),
      ];
      return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<fonts count="2">${FONT(false)}${FONT(true)}</fonts>` +
        `<fills count="${fillXml.length}">${fillXml.join('')}</fills>` +
        `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${THIN}</border></borders>` +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
        '</styleSheet>'
      );
    },
  };
}
