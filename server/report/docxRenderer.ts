import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportModel } from '../../shared/report/index.js';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Plain paragraphs split on newlines into line breaks, so text never loses its line structure. */
function runs(text: string, opts: { italics?: boolean; bold?: boolean; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...opts }));
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: runs(text, { bold: header }) })],
    shading: header ? { type: ShadingType.CLEAR, fill: 'E7E7E7', color: 'auto' } : undefined,
  });
}

function blockToDocx(b: ReportBlock): (Paragraph | Table | TableOfContents)[] {
  switch (b.kind) {
    case 'title-page':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 400 }, children: runs(b.marking, { bold: true, color: 'B10E1E' }) }),
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs(b.title) }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400 }, children: runs(b.partnership) }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: runs(`Lead reviewer(s): ${b.leadReviewers.join(', ') || '[lead reviewer]'}`) }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: runs(`Date: ${b.date}`) }),
      ];
    case 'contents':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs('Contents') }), new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' })];
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: runs(b.text) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(b.text), spacing: { after: 160 } })];
    case 'prompt':
      // Guidance is italic and grey so the lead reviewer can see at a glance what to delete.
      return [new Paragraph({ children: runs(b.text, { italics: true, color: '505A5F' }), spacing: { after: 160 } })];
    case 'placeholder':
      return [new Paragraph({ children: runs(b.text, { italics: true }), spacing: { after: 160 } })];
    case 'bullets':
      return b.items.map((t) => new Paragraph({ children: runs(t), bullet: { level: 0 } }));
    case 'quote':
      return [new Paragraph({ children: runs(`\u201c${b.text}\u201d`, { italics: true }), indent: { left: 720 }, spacing: { after: 120 } })];
    case 'learning-point':
      return [
        new Paragraph({
          children: [new TextRun({ text: `Learning Point ${b.number}: `, bold: true }), ...runs(b.text)],
          border: {
            top: { style: BorderStyle.SINGLE, size: 8, color: '1D70B8', space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 8, color: '1D70B8', space: 4 },
            left: { style: BorderStyle.SINGLE, size: 8, color: '1D70B8', space: 4 },
            right: { style: BorderStyle.SINGLE, size: 8, color: '1D70B8', space: 4 },
          },
          shading: { type: ShadingType.CLEAR, fill: 'E8F1F8', color: 'auto' },
          spacing: { before: 120, after: 200 },
        }),
      ];
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }), ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
        }),
        new Paragraph({ children: [] }),
      ];
  }
}

/**
 * Renders the report as .docx. The contents is a real TOC field that Word updates on open
 * (updateFields). Every page carries the protective marking in its header and footer. Document
 * properties name only the partnership: no author, no company, no last-modified-by person.
 */
export async function renderDocx(model: ReportModel, partnership: string): Promise<Uint8Array> {
  const marking = () => new Paragraph({ alignment: AlignmentType.CENTER, children: runs(model.marking, { bold: true }) });
  const doc = new Document({
    creator: partnership,
    lastModifiedBy: partnership,
    title: model.title,
    description: '',
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Arial', size: 24 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [marking()] }) },
        footers: { default: new Footer({ children: [marking()] }) },
        children: model.blocks.flatMap(blockToDocx),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
