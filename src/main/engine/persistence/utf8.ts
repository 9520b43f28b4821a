/**
 * Strict UTF-8 decoding without TextDecoder (the engine has no DOM or Node types). Rejects
 * overlong forms, surrogates, code points above U+10FFFF and truncated sequences, and says
 * at which byte the first bad sequence starts.
 */

/** Where decoding stopped: the first invalid byte, 0-based, with its line and column. */
export interface Utf8Error {
  byteOffset: number
  line: number
  column: number
  message: string
}

/**
 * The decoded text (each invalid sequence replaced by U+FFFD) and the first error, if any.
 * `charOffset` of the error is where the first replacement sits in `text`.
 */
export interface Utf8Result {
  text: string
  error?: Utf8Error & { charOffset: number }
}

/** Length of the sequence starting at `i` if it is valid, else 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number
  if (b0 < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k]
    return b !== undefined && b >= lo && b <= hi
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0
  return 0
}

function locate(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** Code point of the valid sequence of `len` bytes at `i`. */
function codePoint(bytes: Uint8Array, i: number, len: number): number {
  const b0 = bytes[i] as number
  if (len === 1) return b0
  if (len === 2) return ((b0 & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f)
  if (len === 3)
    return (
      ((b0 & 0x0f) << 12) |
      (((bytes[i + 1] as number) & 0x3f) << 6) |
      ((bytes[i + 2] as number) & 0x3f)
    )
  return (
    ((b0 & 0x07) << 18) |
    (((bytes[i + 1] as number) & 0x3f) << 12) |
    (((bytes[i + 2] as number) & 0x3f) << 6) |
    ((bytes[i + 3] as number) & 0x3f)
  )
}

const CHUNK = 8192
/** ASCII run length per `String.fromCharCode` call (longer runs are slower in V8). */
const RUN = 1024

/**
 * The fast path: runs of ASCII go to `String.fromCharCode` straight from the byte array, other
 * sequences one by one; undefined at the first invalid sequence (the general path then
 * decodes the whole input and locates the error).
 */
function decodeValid(bytes: Uint8Array, start: number): string | undefined {
  const parts: string[] = []
  const units: number[] = []
  const flush = (): void => {
    if (units.length === 0) return
    parts.push(String.fromCharCode(...units))
    units.length = 0
  }
  let i = start
  while (i < bytes.length) {
    let j = i
    while (j < bytes.length && j - i < RUN && (bytes[j] as number) < 0x80) j++
    if (j > i) {
      flush()
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, j) as unknown as number[]))
      i = j
      continue
    }
    const len = sequenceLength(bytes, i)
    if (len === 0) return undefined
    let cp = codePoint(bytes, i, len)
    if (cp >= 0x10000) {
      cp -= 0x10000
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff))
    } else units.push(cp)
    if (units.length >= CHUNK) flush()
    i += len
  }
  flush()
  return parts.join('')
}

/** Decodes UTF-8 bytes strictly (first error reported); a leading byte-order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const text = decodeValid(bytes, start)
  return text === undefined ? decodeUtf8General(bytes) : { text }
}

/**
 * The general path of `decodeUtf8`, byte by byte: the same text for valid input, and for
 * invalid input U+FFFD for each bad byte and the first error located.
 */
export function decodeUtf8General(bytes: Uint8Array): Utf8Result {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const parts: string[] = []
  let units: number[] = []
  let done = 0
  let error: Utf8Result['error']
  for (let i = start; i < bytes.length;) {
    const len = sequenceLength(bytes, i)
    if (len === 0) {
      if (!error) {
        const { line, column } = locate(bytes, i)
        const hex = (bytes[i] as number).toString(16).padStart(2, '0')
        error = {
          byteOffset: i,
          charOffset: done + units.length,
          line,
          column,
          message: `invalid UTF-8 byte 0x${hex} at byte ${i} (line ${line}, column ${column}); save the file as UTF-8`,
        }
      }
      units.push(0xfffd)
      i++
      continue
    }
    let cp = codePoint(bytes, i, len)
    if (cp >= 0x10000) {
      cp -= 0x10000
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff))
    } else units.push(cp)
    i += len
    if (units.length >= 8192) {
      parts.push(String.fromCharCode(...units))
      done += units.length
      units = []
    }
  }
  if (units.length > 0) parts.push(String.fromCharCode(...units))
  const text = parts.join('')
  return error ? { text, error } : { text }
}
