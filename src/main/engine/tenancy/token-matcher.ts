/**
 * Finds whole-token occurrences of many literal strings in a text fast. A token matches only
 * between boundaries: no letter or digit right before or right after it. So a match starts
 * where a word (a run of ASCII letters and digits) starts and ends before a non-word
 * character or the end: the text is scanned once, and each such span up to the longest
 * token's length is looked up in a set (no per-token work, however many tokens share a
 * prefix). Tokens that do not start with a letter or digit are few and searched one by one.
 */

export interface TokenMatch {
  start: number
  end: number
  token: string
}

export interface TokenMatcher {
  /** Every boundary-delimited occurrence of any token (possibly overlapping). */
  find(text: string): TokenMatch[]
  readonly size: number
}

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

function wordEnd(text: string, from: number): number {
  let j = from
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++
  return j
}

const boundaryBefore = (text: string, i: number): boolean =>
  i === 0 || !isWordChar(text.charCodeAt(i - 1))
const boundaryAfter = (text: string, i: number): boolean =>
  i >= text.length || !isWordChar(text.charCodeAt(i))

export function createTokenMatcher(tokens: Iterable<string>): TokenMatcher {
  const words = new Set<string>()
  const others: string[] = []
  let maxLength = 0
  for (const token of new Set(tokens)) {
    if (token === '') continue
    if (wordEnd(token, 0) === 0) others.push(token)
    else {
      words.add(token)
      maxLength = Math.max(maxLength, token.length)
    }
  }
  return {
    size: words.size + others.length,
    find(text) {
      const out: TokenMatch[] = []
      if (words.size > 0) {
        for (let i = 0; i < text.length; i++) {
          if (!isWordChar(text.charCodeAt(i)) || !boundaryBefore(text, i)) continue
          const limit = Math.min(text.length, i + maxLength)
          for (let end = i + 1; end <= limit; end++) {
            if (!boundaryAfter(text, end)) continue
            const span = text.slice(i, end)
            if (words.has(span)) out.push({ start: i, end, token: span })
          }
        }
      }
      for (const token of others) {
        for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
          if (boundaryBefore(text, at) && boundaryAfter(text, at + token.length))
            out.push({ start: at, end: at + token.length, token })
        }
      }
      return out
    },
  }
}
