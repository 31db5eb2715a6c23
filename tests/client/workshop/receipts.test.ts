import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ReceiptSchema } from '../../../shared/workshop/participant.js';
import { answersKey, forgetAnswer, forgetWorkshop, newReceipt, readAnswers, receiptFor, saveAnswer, toBase64Url } from '../../../client/src/participant/receipts.js';
import { clearJoin, normaliseCode, readJoin, saveJoin } from '../../../client/src/participant/joinStorage.js';
import { memoryStorage } from './memoryStorage.js';

describe('receipts', () => {
  it('encodes bytes as unpadded base64url, exactly as Node does', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('makes 43-character receipts from 32 bytes of Web Crypto that the server accepts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const r = newReceipt();
      expect(ReceiptSchema.safeParse(r).success).toBe(true);
      seen.add(r);
    }
    expect(seen.size).toBe(200);
  });

  it('asks for exactly 32 bytes and uses what it gets', () => {
    let asked = 0;
    const r = newReceipt((b) => {
      asked = b.length;
      return b.fill(0xff);
    });
    expect(asked).toBe(32);
    expect(r).toBe('_'.repeat(42) + '8');
  });

  it('keeps the receipt for a prompt so an edit or retry replaces the answer, and makes a fresh one otherwise', () => {
    let n = 0;
    const make = () => `fresh-${++n}`;
    expect(receiptFor(undefined, make)).toBe('fresh-1');
    expect(receiptFor({ receipt: 'kept', text: 'x', confirmed: false }, make)).toBe('kept');
    expect(receiptFor(undefined, make)).toBe('fresh-2');
  });
});

describe('answer storage', () => {
  const r1 = newReceipt();
  const r2 = newReceipt();

  it('saves, reads, replaces and forgets answers per workshop and prompt', () => {
    const s = memoryStorage();
    expect(readAnswers(s, 'ws-a')).toEqual({});
    expect(saveAnswer(s, 'ws-a', 'w1-1', { receipt: r1, text: 'first', confirmed: false })).toBe(true);
    expect(saveAnswer(s, 'ws-a', 'w2-phase-1', { receipt: r2, text: 'second', confirmed: true })).toBe(true);
    saveAnswer(s, 'ws-a', 'w1-1', { receipt: r1, text: 'edited', confirmed: true });
    expect(readAnswers(s, 'ws-a')).toEqual({
      'w1-1': { receipt: r1, text: 'edited', confirmed: true },
      'w2-phase-1': { receipt: r2, text: 'second', confirmed: true },
    });
    expect(readAnswers(s, 'ws-b')).toEqual({});
    forgetAnswer(s, 'ws-a', 'w1-1');
    expect(Object.keys(readAnswers(s, 'ws-a'))).toEqual(['w2-phase-1']);
    forgetAnswer(s, 'ws-a', 'w2-phase-1');
    expect(s.map.has(answersKey('ws-a'))).toBe(false);
  });

  it('forgets a whole workshop at once', () => {
    const s = memoryStorage();
    saveAnswer(s, 'ws-a', 'w1-1', { receipt: r1, text: 'a', confirmed: true });
    saveAnswer(s, 'ws-b', 'w1-1', { receipt: r2, text: 'b', confirmed: true });
    forgetWorkshop(s, 'ws-a');
    expect(readAnswers(s, 'ws-a')).toEqual({});
    expect(readAnswers(s, 'ws-b')['w1-1']!.text).toBe('b');
  });

  it('treats damaged or foreign data as nothing stored', () => {
    const s = memoryStorage();
    s.map.set(answersKey('ws-a'), '{not json');
    expect(readAnswers(s, 'ws-a')).toEqual({});
    s.map.set(answersKey('ws-a'), JSON.stringify({ answers: { 'w1-1': { receipt: 'short', text: 'x', confirmed: true } } }));
    expect(readAnswers(s, 'ws-a')).toEqual({});
    s.map.set(answersKey('ws-a'), JSON.stringify({ answers: { 'not-a-prompt': { receipt: r1, text: 'x', confirmed: true } } }));
    expect(readAnswers(s, 'ws-a')).toEqual({});
  });

  it('reports when the browser cannot keep a receipt, and works without storage at all', () => {
    expect(saveAnswer(memoryStorage({ failWrites: true }), 'ws-a', 'w1-1', { receipt: r1, text: 'x', confirmed: true })).toBe(false);
    expect(saveAnswer(null, 'ws-a', 'w1-1', { receipt: r1, text: 'x', confirmed: true })).toBe(false);
    expect(readAnswers(null, 'ws-a')).toEqual({});
    expect(() => forgetWorkshop(null, 'ws-a')).not.toThrow();
  });
});

describe('join memory', () => {
  it('remembers one workshop, code and acceptance per tab', () => {
    const s = memoryStorage();
    expect(readJoin(s, 'w-1')).toBeNull();
    saveJoin(s, { workshopId: 'w-1', code: 'K7M3QP', accepted: false });
    expect(readJoin(s, 'w-1')).toEqual({ workshopId: 'w-1', code: 'K7M3QP', accepted: false });
    expect(readJoin(s, 'w-2')).toBeNull();
    saveJoin(s, { workshopId: 'w-1', code: 'K7M3QP', accepted: true });
    expect(readJoin(s, 'w-1')!.accepted).toBe(true);
    clearJoin(s);
    expect(readJoin(s, 'w-1')).toBeNull();
    s.map.set('rr.workshop.join', JSON.stringify({ workshopId: 'w-1', code: 'bad', accepted: true }));
    expect(readJoin(s, 'w-1')).toBeNull();
  });

  it('reads a typed code the way people type it', () => {
    expect(normaliseCode(' k7m 3qp ')).toBe('K7M3QP');
    expect(normaliseCode('K7M-3QP')).toBe('K7M3QP');
    expect(normaliseCode('K7M3Q')).toBeNull();
    expect(normaliseCode('K7M3QP9')).toBeNull();
    expect(normaliseCode('K7M3Q1')).toBeNull(); // 1 and 0 are never in a code
  });
});
