/*
 * Text search over incidents without opening their documents. The incident-list
 * row carries the distinct words of the timeline (`searchText`), so the list can
 * match "rollback" in an entry of an incident that is not loaded.
 *
 * Words, not the raw text: a long incident repeats the same few hundred words,
 * and the row is rewritten with every saved batch, so it must stay small.
 * The row's words are kept incrementally and sorted (timeline-words.ts).
 */

/** Upper bound on the stored words, in characters; words past it are not searchable from the list. */
export const MAX_SEARCH_TEXT = 64_000;

/** Punctuation around a word ("deploy," "(EU)") is not part of it; inside it ("eu-west-1", "2024.11.3") it is. */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

const normalise = (word: string): string => word.toLowerCase().replace(EDGE_PUNCTUATION, '');

/** The words of a query, normalised like the stored words; every one must match. */
export const queryTerms = (query: string): string[] =>
  query
    .split(/\s+/)
    .map(normalise)
    .filter((w) => w !== '');

/** The normalised words of one text, in order, repeats included. */
export const wordsOf = (text: string): string[] => {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const w = normalise(raw);
    if (w !== '') out.push(w);
  }
  return out;
};

/** Distinct normalised words of `texts`, first-seen order, space-separated and capped at `max` characters. */
export const searchTextOf = (texts: Iterable<string>, max = MAX_SEARCH_TEXT): string => {
  const seen = new Set<string>();
  let length = 0;
  for (const text of texts) {
    for (const raw of text.split(/\s+/)) {
      const w = normalise(raw);
      if (w === '' || seen.has(w)) continue;
      if (length + w.length + (seen.size > 0 ? 1 : 0) > max) return [...seen].join(' ');
      length += w.length + (seen.size > 0 ? 1 : 0);
      seen.add(w);
    }
  }
  return [...seen].join(' ');
};

/**
 * Whether every term occurs in one of the fields. Substring match, so "roll"
 * finds "rollback"; a term may not span two fields.
 */
export const matchesTerms = (terms: readonly string[], fields: readonly string[]): boolean => {
  if (terms.length === 0) return true;
  const haystacks = fields.map((f) => f.toLowerCase());
  return terms.every((t) => haystacks.some((h) => h.includes(t)));
};
