import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/** One prompt's released, visible responses. */
export type PromptResponsesForExport = { label: string; text: string; released: boolean; count: number; responses: string[] };

/**
 * The workshop's anonymised responses as .docx, one heading per prompt. Below the anonymity threshold
 * only the count is given; responses carry nothing about who wrote them or when, and their order is
 * the random order the threshold rule returned. Marked OFFICIAL-SENSITIVE on every page.
 */
export async function responsesDocx(title: string, partnership: string, prompts: readonly PromptResponsesForExport[]): Promise<Uint8Array> {
  const marking = () => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'OFFICIAL-SENSITIVE', bold: true })] });
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  for (const p of prompts) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(p.label)] }));
    children.push(new Paragraph({ children: [new TextRun({ text: p.text, italics: true })] }));
    if (!p.released) {
      children.push(new Paragraph({ children: [new TextRun('Answers not shown, because fewer than the anonymity threshold were received, or they have not been released yet.')] }));
      continue;
    }
    for (const r of p.responses)
      children.push(new Paragraph({ bullet: { level: 0 }, children: r.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) }));
  }
  const doc = new Document({
    creator: partnership,
    lastModifiedBy: partnership,
    title,
    sections: [{ headers: { default: new Header({ children: [marking()] }) }, footers: { default: new Footer({ children: [marking()] }) }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
