/**
 * How well a command matches what was typed in the palette, 0 for not at all.
 * Every typed word must appear in the title or the keywords; words at the start
 * of the title or of a word in it rank higher, the whole phrase in the title
 * higher still. Substrings rather than cmdk's fuzzy letters: "undo" must not
 * pick "Set status to identified".
 */
export const scoreCommand = (search: string, title: string, keywords: readonly string[]): number => {
  const q = search.trim().toLowerCase();
  if (q === '') return 1;
  const words = q.split(/\s+/);
  const t = title.toLowerCase();
  const k = keywords.join(' ').toLowerCase();
  let score = 0;
  for (const w of words) {
    const at = t.indexOf(w);
    if (at === 0) score += 4;
    else if (at > 0) score += /[\s\-.:/(]/.test(t[at - 1]!) ? 3 : 2;
    else if (k.includes(w)) score += 1;
    else return 0;
  }
  if (words.length > 1 && t.includes(q)) score += 2;
  return score / (words.length * 4 + 2);
};
