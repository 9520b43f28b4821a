/**
 * Client text quoted back in an answer is cut (review s7b #5: a size refusal quoted a 2 MiB
 * call name whole, a 2,097,313-byte answer to a 2 MiB message). Every web-host answer that
 * quotes what a client sent goes through `quoted`; the dispatcher's unknown-call answer cuts
 * the same way.
 */

import { cutText } from '../../shared/domain/problem'

/** At most this many characters of client text are quoted back. */
export const QUOTED_CHARS = 100

/**
 * `text` cut to QUOTED_CHARS characters (with "…" when cut, never inside a surrogate pair),
 * for quoting client input back.
 */
export function quoted(text: string): string {
  return cutText(text, QUOTED_CHARS)
}
