/**
 * The words of a catalogue search, ready for the database. Accents, case and spelling tolerance are applied
 * in PostgreSQL (see `searchListedProcedures`); this only splits the typed text and escapes it for LIKE.
 */

/** At most this many words are searched; the rest of an over-long query is ignored. */
export const MAX_SEARCH_TERMS = 10

/**
 * A word shorter than this is never read as a typo: one letter changed in a two-letter Vietnamese syllable
 * gives another real syllable far too often ("ky" → "ke", "ho" → "hô").
 */
export const MIN_TYPO_WORD_LENGTH = 3

export type SearchTerm = {
  /** The word as typed, for comparison letter by letter. */
  word: string
  /** The same word with LIKE's wildcards (% and _) and escape character (\) escaped, matched as a substring. */
  likePattern: string
}

/** LIKE treats % and _ as wildcards and \ as the escape character: a typed "%" must match only itself. */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/** Splits a query on white space, drops repeated words (ignoring case) and keeps the first MAX_SEARCH_TERMS. */
export function toSearchTerms(query: string): SearchTerm[] {
  const seen = new Set<string>()
  const terms: SearchTerm[] = []
  for (const word of query.split(/\s+/)) {
    const key = word.toLocaleLowerCase('vi')
    if (!word || seen.has(key)) continue
    seen.add(key)
    terms.push({ word, likePattern: escapeLike(word) })
    if (terms.length === MAX_SEARCH_TERMS) break
  }
  return terms
}
