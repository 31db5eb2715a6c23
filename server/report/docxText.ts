import { unzipSync, strFromU8 } from 'fflate';
import { xmlTokens } from '../formats/xmlTokenizer.js';

/** One paragraph's text from a part of a .docx, with the part's name. */
export type DocxText = { part: string; paragraph: number; text: string };

/** The parts of a .docx that can hold text a reader or a search engine would see. */
const TEXT_PARTS = /^(word\/(document|header\d*|footer\d*|footnotes|endnotes|comments\w*)\.xml|docProps\/(core|app|custom)\.xml)$/;

/**
 * Extracts the text of every paragraph of every text-bearing part, joining a paragraph's runs first
 * (Word splits "Sarah" into "Sa" + "rah" across runs whenever formatting or revision marks change), and
 * alt text (descr/title attributes of drawings). Properties parts are read element by element.
 */
export function docxTexts(bytes: Uint8Array): { texts: DocxText[]; parts: Record<string, string> } {
  const files = unzipSync(bytes, { filter: (f) => TEXT_PARTS.test(f.name) });
  const texts: DocxText[] = [];
  const parts: Record<string, string> = {};
  for (const [part, data] of Object.entries(files)) {
    const xml = strFromU8(data);
    parts[part] = xml;
    let para = 0;
    let current = '';
    const flush = () => {
      if (current.trim()) texts.push({ part, paragraph: para, text: current });
      current = '';
    };
    for (const t of xmlTokens(xml)) {
      if (t.kind === 'open') {
        if (t.name === 'p') {
          flush();
          para++;
        }
        if (t.name === 'br' || t.name === 'tab') current += ' ';
        for (const attr of ['descr', 'title']) if (t.attrs[attr]) texts.push({ part, paragraph: para, text: t.attrs[attr]! });
      } else if (t.kind === 'text') current += t.text;
      else if (t.kind === 'close' && (t.name === 'p' || part.startsWith('docProps/'))) flush();
    }
    flush();
  }
  return { texts, parts };
}
