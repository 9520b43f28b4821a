/**
 * How big one WebSocket message may be, per call (review s6a #7): only the calls that carry a
 * design or a file's contents may be large (up to the web host's frame limit, 64 MiB); every
 * other call is small (`SMALL_MESSAGE_BYTES`). The call's name is read from the raw bytes
 * (`peekEnvelope`: one linear scan, nothing built) and the cap enforced BEFORE the text is
 * decoded and parsed, so a 59 MB `simulation:host-series` is refused in milliseconds instead
 * of holding the host for seconds of `JSON.parse` and schema checks before its 500-id limit.
 */
import type { CallName } from '../../shared/contract'

/** The cap of a call that carries no design nor file contents, in bytes (1 MiB). */
export const SMALL_MESSAGE_BYTES = 1024 * 1024

/**
 * Calls that may carry a design or a file's contents (capped by the host's frame limit):
 * a whole document (`design:load`), an uploaded or imported file (`files:open`,
 * `files:import`: `contents` up to 64 MiB), a batch of up to 100,000 edits (`design:apply`)
 * and experiment factors whose values may be design parts (`experiments:start`).
 */
export const LARGE_MESSAGE_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'design:load',
  'design:apply',
  'files:open',
  'files:import',
  'experiments:start',
])

/** The largest message `name` may come in, in bytes; `frameBytes` is the host's frame limit. */
export function messageCapBytes(name: string | undefined, frameBytes: number): number {
  return name !== undefined && LARGE_MESSAGE_CALLS.has(name as CallName)
    ? frameBytes
    : Math.min(SMALL_MESSAGE_BYTES, frameBytes)
}

/** Binary units for a message: "1 MiB", "64 MiB", "512 KiB", else bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes.toLocaleString('en-US')} bytes`
}

/** What `peekEnvelope` finds: the top-level `name` and `id`, when plainly written. */
export interface EnvelopePeek {
  name?: string
  id?: number | string
}

/** A scalar's JSON text is read when at most this long (a call name, an id). */
const MAX_PEEK_BYTES = 200

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d])

/** The JSON value of `bytes[from, to)`, or undefined (too long, not JSON). */
function scalarAt(bytes: Buffer, from: number, to: number): unknown {
  if (to - from > MAX_PEEK_BYTES) return undefined
  try {
    return JSON.parse(bytes.toString('utf8', from, to)) as unknown
  } catch {
    return undefined
  }
}

/**
 * The top-level `name` and `id` of a JSON object message, read from its bytes without
 * decoding or parsing it: a linear scan that tracks nesting and strings, and stops at the
 * first plain `name` once an `id` has been seen (a client writes `{id, name, request}`: a few
 * bytes). Unlike `JSON.parse`, the first of duplicate keys counts, and keys written with
 * escapes are not recognized: the caller checks the parsed envelope against its own call's
 * cap again, so a message so written is at worst parsed up to the large cap, never served
 * past its call's.
 */
export function peekEnvelope(bytes: Buffer): EnvelopePeek {
  const peek: EnvelopePeek = {}
  const seen = { name: false, id: false }
  let depth = 0
  /** At depth 1: the key just read (`name` or `id`, plain, not seen before), or undefined. */
  let key: 'name' | 'id' | undefined
  let expectKey = true
  /** Where the current depth-1 value starts (after its colon), or -1. */
  let valueFrom = -1
  const takeValue = (to: number): void => {
    if (valueFrom >= 0 && key !== undefined) {
      const value = valueFrom < to ? scalarAt(bytes, valueFrom, to) : undefined
      if (key === 'name' && typeof value === 'string') peek.name = value
      if (key === 'id' && (typeof value === 'string' || typeof value === 'number')) peek.id = value
      seen[key] = true
    }
    valueFrom = -1
    key = undefined
  }
  let i = 0
  while (i < bytes.length && WHITESPACE.has(bytes[i] as number)) i++
  if (bytes[i] !== 0x7b) return peek
  for (; i < bytes.length && !(seen.name && seen.id); i++) {
    const c = bytes[i] as number
    if (c === QUOTE) {
      const start = i
      let escaped = false
      for (i++; i < bytes.length; i++) {
        const s = bytes[i] as number
        if (s === BACKSLASH) {
          escaped = true
          i++
        } else if (s === QUOTE) break
      }
      if (depth !== 1) continue
      if (expectKey) {
        const text = escaped || i - start - 1 > 4 ? '' : bytes.toString('latin1', start + 1, i)
        key = (text === 'name' || text === 'id') && !seen[text] ? text : undefined
        expectKey = false
      } else takeValue(i + 1)
      continue
    }
    if (c === 0x7b || c === 0x5b) {
      // An object or array value: neither a name nor an id.
      if (++depth === 2) takeValue(valueFrom)
    } else if (c === 0x7d || c === 0x5d) {
      if (depth === 1) takeValue(i)
      depth--
    } else if (depth === 1) {
      if (c === 0x2c) {
        takeValue(i)
        expectKey = true
      } else if (c === COLON) valueFrom = i + 1
    }
  }
  return peek
}
