import { describe, expect, it } from 'vitest';
import { saveStatusText } from '../../../client/src/workshop/outcomeSave.js';

describe('the outcome save status', () => {
  it('reads Saved, Saving… or Not saved – with the reason', () => {
    expect(saveStatusText({ kind: 'saved' })).toBe('Saved');
    expect(saveStatusText({ kind: 'saving' })).toBe('Saving…');
    expect(saveStatusText({ kind: 'failed', message: 'Could not reach the server.' })).toBe('Not saved – Could not reach the server.');
    expect(saveStatusText({ kind: 'conflict', message: 'x' })).toBe('Not saved – someone else saved the outcome first.');
    expect(saveStatusText({ kind: 'loading' })).toBe('Loading the saved outcome…');
    expect(saveStatusText({ kind: 'load-failed', message: 'Gone.' })).toBe('Not loaded – Gone.');
  });
});
