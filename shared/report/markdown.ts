import type { ReportModel } from './model.js';

/** Escapes Markdown control characters so case text cannot inject links, HTML, emphasis, tables or headings. */
function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/^(\s*)([#>+-]|\d+\.)/gm, '$1\\$2');
}

/** Renders the report as Markdown: the preview and the .md download show exactly what the Word file holds. */
export function toMarkdown(model: ReportModel): string {
  const out: string[] = [];
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'title-page':
        out.push(
          `# ${esc(model.title)}`,
          '',
          `**${esc(b.marking)}**`,
          '',
          `${esc(b.partnership)}`,
          '',
          `Lead reviewer(s): ${esc(b.leadReviewers.join(', ') || '[lead reviewer]')}`,
          '',
          `Date: ${esc(b.date)}`,
          '',
        );
        break;
      case 'contents':
        out.push('*Contents: Word builds the table of contents when the document is opened.*', '');
        break;
      case 'page-break':
        out.push('---', '');
        break;
      case 'heading':
        out.push(`${'#'.repeat(b.level + 1)} ${esc(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(esc(b.text), '');
        break;
      case 'prompt':
        out.push(`*Guidance: ${esc(b.text)}*`, '');
        break;
      case 'placeholder':
        out.push(`*${esc(b.text)}*`, '');
        break;
      case 'bullets':
        out.push(...b.items.map((i) => `- ${esc(i)}`), '');
        break;
      case 'quote':
        out.push(`> ${esc(b.text).replace(/\n/g, '\n> ')}`, '');
        break;
      case 'learning-point':
        out.push(`> **Learning Point ${b.number}:** ${esc(b.text)}`, '');
        break;
      case 'table':
        out.push(
          `| ${b.header.map(esc).join(' | ')} |`,
          `|${b.header.map(() => '---').join('|')}|`,
          ...b.rows.map((r) => `| ${r.map((c) => esc(c).replace(/\n/g, ' ')).join(' | ')} |`),
          '',
        );
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
