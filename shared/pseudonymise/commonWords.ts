/**
 * First names that are also everyday English words or months. For these, a lower-case occurrence is
 * treated as the word ("she will attend", "may have"), and only a capitalised one as the name, because
 * replacing every "will" would wreck the text. Capitalised occurrences are always replaced, even at the
 * start of a sentence: over-redacting "Will" is safe, leaking it is not.
 */
export const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set([
  'will', 'may', 'rose', 'grace', 'hope', 'joy', 'faith', 'june', 'april', 'august', 'mark', 'bill', 'pat', 'sue',
  'dawn', 'holly', 'ivy', 'lily', 'daisy', 'ruby', 'amber', 'jade', 'pearl', 'crystal', 'summer', 'autumn', 'sky',
  'rich', 'frank', 'jack', 'rob', 'dean', 'lee', 'guy', 'don', 'ray', 'art', 'hunter', 'mason', 'taylor', 'cook',
  'smith', 'baker', 'brown', 'white', 'green', 'black', 'young', 'king', 'hill', 'wood', 'bell', 'rich', 'penny',
  'robin', 'heather', 'iris', 'violet', 'poppy', 'willow', 'river', 'storm', 'sunny', 'chase', 'miles', 'angel',
]);

/** Month names, so that "May 2019" or "12 May" stay dates rather than names. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Register names that mean "not known" and must never be treated as a name to find or replace. */
export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(['unknown', 'not known', 'n/k', 'nk', 'unnamed', 'tbc']);
