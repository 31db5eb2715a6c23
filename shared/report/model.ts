/** One block of the assembled report; renderers (Word, Markdown) turn blocks into their format. */
export type ReportBlock =
  | { kind: 'title-page'; title: string; childPseudonym: string; partnership: string; leadReviewers: string[]; date: string; marking: string }
  | { kind: 'contents' }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'prompt'; id: string; text: string }
  | { kind: 'placeholder'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'learning-point'; number: number; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'page-break' };

/** The whole report, in reading order. */
export type ReportModel = { title: string; marking: string; blocks: ReportBlock[] };

/** Every piece of text in the model with where it sits, for the leak check and the glossary. */
export function modelTexts(model: ReportModel): { place: string; text: string }[] {
  const out: { place: string; text: string }[] = [];
  model.blocks.forEach((b, i) => {
    const place = `block ${i + 1} (${b.kind})`;
    switch (b.kind) {
      case 'title-page':
        out.push({ place, text: [b.title, b.childPseudonym, b.partnership, ...b.leadReviewers, b.date].join('\n') });
        break;
      case 'bullets':
        b.items.forEach((t) => {
          out.push({ place, text: t });
        });
        break;
      case 'table':
        [b.header, ...b.rows].forEach((r) => {
          out.push({ place, text: r.join('\n') });
        });
        break;
      case 'contents':
      case 'page-break':
        break;
      default:
        out.push({ place, text: b.text });
    }
  });
  return out;
}
