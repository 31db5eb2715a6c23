/**
 * "a" or "an" before a word, by how it is said: "an observer", "an omission", "a user", "an hour",
 * "a one-off". Covers the words the screens use; a wrong article reads as careless to the people the
 * app is for.
 */
export function withArticle(word: string): string {
  const w = word.trim().toLowerCase();
  const vowelSound = /^(hour|honest|honou?r|heir)/.test(w) || (/^[aeiou]/.test(w) && !/^(u[bcfhjkqrstn][aeiouy]|uni|use|usu|uti|eu|one|once)/.test(w));
  return `${vowelSound ? 'an' : 'a'} ${word}`;
}
