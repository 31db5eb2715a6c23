import { describe, expect, it } from 'vitest';
import { findUnsafeText, isSafeText, safeString } from '../../shared/text.js';
import { LabelSchema } from '../../shared/schemas/records.js';

describe('safe text', () => {
  it('allows tab, line breaks, accents and paired surrogates', () => {
    for (const s of ['plain', 'a\tb', 'line\r\nline', 'Zoë – café', 'emoji 👶']) expect(isSafeText(s)).toBe(true);
  });

  it('refuses C0 and C1 controls, DEL and lone surrogates', () => {
    for (const s of ['a\u0000b', '\u0007', '\u001b[31m', '\u000b', '\u007f', '\u0085', 'x\ud800', '\udc00x', '\udc00\ud800']) {
      expect(isSafeText(s)).toBe(false);
    }
  });

  it('is the refinement the shared label schema uses', () => {
    expect(LabelSchema.safeParse('Title\u0000').success).toBe(false);
    expect(safeString().safeParse('ok\n').success).toBe(true);
  });

  it('finds unsafe text at any depth, in keys too, and names the path', () => {
    expect(findUnsafeText({ a: [{ b: 'fine' }, { c: 'bad\u0001' }] })).toBe('a.1.c');
    expect(findUnsafeText({ ['k\u0000']: 1 })).toBe('(key)');
    expect(findUnsafeText({ a: ['ok', 1, null, true] })).toBeNull();
  });
});
