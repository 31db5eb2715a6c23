import { FormatError } from './FormatError.js';

/**
 * A small, strict XML tokenizer for the parts of Office packages we read. It is deliberately not a
 * general XML parser: any `<!DOCTYPE`, `<!ENTITY` or other markup declaration is refused outright
 * (no XXE, no billion laughs), only the five predefined entities and numeric character references are
 * decoded, and tags must nest properly. Nothing is ever evaluated.
 */

/** Attributes of an element, keyed by qualified name and, where unambiguous, by local name too. */
export type XmlAttributes = Readonly<Record<string, string>>;

/** One event from `xmlTokens`; element names are local names (namespace prefix removed). */
export type XmlToken =
  | { readonly kind: 'open'; readonly name: string; readonly attrs: XmlAttributes; readonly selfClosing: boolean }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[^\s/>=<"'!?]+/y;
const ATTR = /([^\s/>=<"']+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const SPACE = /[ \t\r\n]*/y;
const ONLY_SPACE = /^[ \t\r\n]*$/;

const bad = (why: string): FormatError => new FormatError('xml_invalid', `The file is damaged: part of it is not valid XML (${why}).`);

/** True for code points XML 1.0 allows as characters. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Decodes the five predefined entities and numeric references; any other `&` is an error. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
    const semi = raw.indexOf(';', amp);
    if (semi === -1 || semi - amp > 12) throw bad('unterminated reference');
    const ref = raw.slice(amp + 1, semi);
    let decoded: string | undefined = PREDEFINED[ref];
    if (decoded === undefined) {
      const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
      if (!m) throw bad('unknown entity');
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
      if (!isXmlChar(cp)) throw bad('invalid character reference');
      decoded = String.fromCodePoint(cp);
    }
    out += raw.slice(from, amp) + decoded;
    from = semi + 1;
  }
  return out + raw.slice(from);
}

/** XML line-end normalisation: CRLF and lone CR become LF before anything else is decoded. */
const normaliseLineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/** Reads an open tag starting at `lt`; returns the token and the index just past `>`. */
function readOpenTag(xml: string, lt: number): { token: XmlToken & { kind: 'open' }; qname: string; next: number } {
  NAME.lastIndex = lt + 1;
  const nameMatch = NAME.exec(xml);
  if (!nameMatch) throw bad('bad element name');
  const qname = nameMatch[0];
  // A null-prototype object: an attribute called "__proto__" stays an ordinary key.
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  const qualified = new Set<string>();
  let p = NAME.lastIndex;
  for (;;) {
    SPACE.lastIndex = p;
    SPACE.exec(xml);
    const hadSpace = SPACE.lastIndex > p;
    p = SPACE.lastIndex;
    const selfClosing = xml.startsWith('/>', p);
    if (selfClosing || xml[p] === '>') {
      return { token: { kind: 'open', name: localName(qname), attrs, selfClosing }, qname, next: p + (selfClosing ? 2 : 1) };
    }
    ATTR.lastIndex = p;
    const m = hadSpace ? ATTR.exec(xml) : null;
    if (!m) throw p >= xml.length ? bad('unterminated tag') : bad('bad attribute');
    const aname = m[1]!;
    if (qualified.has(aname)) throw bad('duplicate attribute');
    qualified.add(aname);
    if (aname !== 'xmlns' && !aname.startsWith('xmlns:')) {
      // Attribute-value normalisation: literal tabs and newlines read as spaces, references stay exact.
      const value = decodeEntities((m[2] ?? m[3]!).replace(/\r\n|[\t\n\r]/g, ' '));
      attrs[aname] = value;
      const local = localName(aname);
      if (local !== aname && !(local in attrs)) attrs[local] = value;
    }
    p = ATTR.lastIndex;
  }
}

/**
 * Yields the tokens of `xml` in document order. Processing instructions and comments are skipped;
 * CDATA becomes text. Throws FormatError('xml_dtd_forbidden') on any markup declaration and
 * FormatError('xml_invalid') on anything not well formed.
 */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  const stack: string[] = [];
  let sawRoot = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length > 0) yield { kind: 'text', text: decodeEntities(normaliseLineEnds(raw)) };
      else if (!ONLY_SPACE.test(raw)) throw bad('text outside the root element');
    }
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw bad('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) throw bad('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1 || stack.length === 0) throw bad('misplaced CDATA');
      yield { kind: 'text', text: normaliseLineEnds(xml.slice(lt + 9, end)) };
      i = end + 3;
    } else if (xml[lt + 1] === '!') {
      throw new FormatError('xml_dtd_forbidden', 'The file contains an XML document type or entity declaration, which we never accept.');
    } else if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt + 2);
      if (end === -1) throw bad('unterminated end tag');
      const qname = xml.slice(lt + 2, end).replace(/[ \t\r\n]+$/, '');
      if (stack.pop() !== qname) throw bad('mismatched end tag');
      yield { kind: 'close', name: localName(qname) };
      i = end + 1;
    } else {
      if (stack.length === 0 && sawRoot) throw bad('more than one root element');
      const { token, qname, next } = readOpenTag(xml, lt);
      sawRoot = true;
      yield token;
      if (token.selfClosing) yield { kind: 'close', name: token.name };
      else stack.push(qname);
      i = next;
    }
  }
  if (stack.length > 0) throw bad('unclosed element');
  if (!sawRoot) throw bad('no root element');
}

/** Decodes an XML part's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM; invalid UTF-8 is an error. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad('text encoding');
  }
}
