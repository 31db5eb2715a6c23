import { describe, expect, it } from 'vitest';
import { withArticle } from '../../../client/src/lib/article.js';

describe('withArticle', () => {
  it.each([
    ['observer', 'an observer'],
    ['omission', 'an omission'],
    ['attendee', 'an attendee'],
    ['agency', 'an agency'],
    ['member', 'a member'],
    ['user', 'a user'],
    ['unit', 'a unit'],
    ['hour', 'an hour'],
    ['one-off', 'a one-off'],
    ['issue', 'an issue'],
    ['undertaking', 'an undertaking'],
    ['European partner', 'a European partner'],
  ])('%s', (word, want) => expect(withArticle(word)).toBe(want));
});
