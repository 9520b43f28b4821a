/**
 * How big one answer may be (review s7a #8): `scheduler:last` of a 1,000,000-instance design
 * held the host about 9.5 s in `JSON.stringify` and then closed the socket with 1011 "could
 * not send", naming nothing. Every answer is now measured before it is written: a walk that
 * adds up the JSON bytes it would take and stops as soon as the cap is passed (so an answer
 * of any size costs at most a cap's worth of walking), then the exact byte count of the
 * text. Over the cap, the call is answered `unavailable`, naming the call, the cap and the
 * size, what the call did when it changes state, and where a smaller form exists (a digest, a
 * lean result), which call to use.
 */
import type { CallName } from '../../shared/contract'
import { CALL_EFFECTS } from './call-effects'
import { formatBytes } from './message-caps'
import { quoted } from './quote'

/**
 * The JSON size of `value` in bytes, as `JSON.stringify` writes it, counting each string's
 * characters once (so never more than the real size: escapes and non-ASCII characters take
 * more); the count stops once it passes `limit` (its result is then just above `limit`).
 */
export function jsonBytesUpTo(value: unknown, limit: number = Number.POSITIVE_INFINITY): number {
  let bytes = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    if (bytes > limit) return bytes
    const v = stack.pop()
    if (v === null) bytes += 4
    else if (typeof v === 'string') bytes += v.length + 2
    else if (typeof v === 'number') bytes += Number.isFinite(v) ? String(v).length : 4
    else if (typeof v === 'boolean') bytes += v ? 4 : 5
    else if (Array.isArray(v)) {
      bytes += 2 + Math.max(0, v.length - 1)
      for (const item of v)
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
          bytes += 4 // written as null
        else stack.push(item)
    } else if (typeof v === 'object') {
      let keys = 0
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
        keys++
        bytes += key.length + 3 // "key":
        stack.push(item)
      }
      bytes += 2 + Math.max(0, keys - 1)
    }
  }
  return bytes
}

/**
 * The refusal of call `name`'s answer of more than `capBytes` (`sizeBytes`: as counted, the
 * walk's partial count when it stopped early): first what the call did, when it changes state
 * ("the design was opened; …"), then the sizes, then where to read instead (`call-effects.ts`).
 */
export function answerTooBigMessage(
  name: string,
  capBytes: number,
  sizeBytes: number,
  counted: 'exact' | 'at least',
): string {
  const { done, instead } = CALL_EFFECTS[name as CallName] ?? {}
  const size = counted === 'exact' ? formatBytes(sizeBytes) : `more than ${formatBytes(capBytes)}`
  return (
    `${done ? `${done}; ` : ''}the answer to "${quoted(name)}" would be ${size}, and answers ` +
    `may be at most ${formatBytes(capBytes)}${instead ? `: ${instead}` : ''}`
  )
}
