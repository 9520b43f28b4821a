/**
 * A design's own text (an id, a reference, a storage class, a policy name) quoted in a problem
 * or refusal, cut (review s9a #1/#4: a failure entry's 4,000,000-character host id came back
 * whole in its problem, once per edit; a 30 MB policy in its refusal).
 */
import { cutText } from '../../../shared/domain/problem'

/** At most this many characters of the quoted text (the web host's `quoted` cuts the same). */
export const QUOTED_TEXT_CHARS = 100

/** `text` in double quotes, cut to {@link QUOTED_TEXT_CHARS} characters with "…" when longer. */
export function quote(text: string): string {
  return `"${cutText(text, QUOTED_TEXT_CHARS)}"`
}
