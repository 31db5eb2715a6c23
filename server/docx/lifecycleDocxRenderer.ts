import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocBlock, LifecycleDocument } from '../../shared/lifecycle/index.js';

/** A4 in twentieths of a point, with 2.54 cm margins; the text column is what tables are sized to. */
const PAGE = { width: 11906, height: 16838, margin: 1440 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Runs for a text, keeping its line breaks as Word line breaks. */
function runs(text: string, opts: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...opts }));
}

function cell(text: string, width: number, opts: { header?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    shading: opts.header ? { type: ShadingType.CLEAR, fill: 'E7E7E7', color: 'auto' } : undefined,
    children: [new Paragraph({ children: runs(text, { bold: opts.header }) })],
  });
}

/** A table sized to the text column: `widths` are fractions of it. */
function table(header: string[] | null, rows: string[][], widths: number[], empty: string): Table {
  const dxa = widths.map((w) => Math.floor(w * TEXT_WIDTH));
  const out: TableRow[] = [];
  if (header) out.push(new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, dxa[i]!, { header: true })) }));
  if (rows.length === 0) out.push(new TableRow({ children: [cell(empty, TEXT_WIDTH, { span: widths.length })] }));
  for (const r of rows) out.push(new TableRow({ children: r.map((t, i) => cell(t, dxa[i]!)) }));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: dxa, rows: out });
}

const even = (n: number) => Array.from({ length: n }, () => 1 / n);

function blockToDocx(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.text) })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], spacing: { before: 240, after: 120 }, children: runs(b.text) })];
    case 'paragraph': {
      const style = b.style ?? 'normal';
      const opts = style === 'guidance' ? { italics: true, color: '505A5F' } : style === 'missing' ? { italics: true } : style === 'strong' ? { bold: true } : {};
      return [new Paragraph({ spacing: { after: 160 }, children: runs(b.text, opts) })];
    }
    case 'fields':
      // A blank paragraph after every table keeps Word from merging two adjacent tables.
      return [
        table(
          null,
          b.rows.map((r) => [r.label, r.value]),
          [0.35, 0.65],
          '',
        ),
        new Paragraph({ children: [] }),
      ];
    case 'table':
      return [table(b.header, b.rows, even(b.header.length), b.empty), new Paragraph({ children: [] })];
    case 'checklist':
      // Ballot box glyphs, as the template's tick boxes; the label says what each box is.
      return b.items.map(
        (i) =>
          new Paragraph({
            spacing: { after: 80 },
            children: [new TextRun({ text: i.checked ? '\u2612 ' : '\u2610 ', bold: i.checked }), new TextRun({ text: i.label })],
          }),
      );
    case 'lines':
      return [
        ...b.lines.map((l) => new Paragraph({ alignment: b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: runs(l) })),
        new Paragraph({ children: [] }),
      ];
    case 'numbered':
      if (b.items.length === 0) return [new Paragraph({ children: runs(b.empty, { italics: true }) })];
      return b.items.map((t, i) => new Paragraph({ indent: { left: 567, hanging: 567 }, spacing: { after: 80 }, children: runs(`${i + 1}.\t${t}`) }));
  }
}

/**
 * Renders a lifecycle document as .docx: A4, Arial, the protective marking at the top of the text and
 * in every page's header and footer (with page numbers). The document properties name only the
 * partnership: it is the creator and last editor, with no person, company or case in them.
 */
export async function renderLifecycleDocx(doc: LifecycleDocument, partnership: string): Promise<Uint8Array> {
  const marking = () => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.marking, bold: true })] });
  const document = new Document({
    creator: partnership,
    lastModifiedBy: partnership,
    title: doc.title,
    description: '',
    styles: { default: { document: { run: { font: 'Arial', size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        headers: { default: new Header({ children: [marking()] }) },
        footers: {
          default: new Footer({
            children: [
              marking(),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
            ],
          }),
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: doc.marking, bold: true, color: 'B10E1E' })] }),
          ...doc.blocks.flatMap(blockToDocx),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
