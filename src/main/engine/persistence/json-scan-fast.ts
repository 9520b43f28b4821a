/**
 * The fast path of the JSON scan (`json-scan.ts`): the same grammar, depth limit, number
 * range and duplicate-key rules, read by character codes with no JSON path kept. It only
 * answers whether a document passes with no duplicate keys; on anything else (a syntax error,
 * too deep, a number too large, a repeated key) the general scanner runs and says what and
 * where. Large files are mostly arrays of numbers (traces), which this reads without
 * allocating. It never words an error itself, so nothing of a refused file (which may not be
 * JSON at all, and hold a secret) can leak from here: the general scanner's messages quote
 * only JSON's grammar characters and name any other by its kind.
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const ZERO = 0x30
const NINE = 0x39

/** A number longer than this is left to the general scanner (it reads at most 400 characters). */
const LONGEST_NUMBER = 399
/** Integer digits beyond which a number without exponent may overflow a double. */
const SAFE_DIGITS = 300

class Fail {}
const FAIL = new Fail()

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE
}

class FastScanner {
  private i = 0

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {}

  private ws(): void {
    const s = this.s
    let i = this.i
    for (;;) {
      const c = s.charCodeAt(i)
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++
      else break
    }
    this.i = i
  }

  document(): void {
    this.ws()
    if (this.i >= this.s.length) throw FAIL
    this.value(0)
    this.ws()
    if (this.i < this.s.length) throw FAIL
  }

  private value(depth: number): void {
    this.ws()
    const c = this.s.charCodeAt(this.i)
    if (c === 0x7b) return this.object(depth + 1)
    if (c === 0x5b) return this.array(depth + 1)
    if (c === QUOTE) return void this.string()
    if (c === 0x2d || isDigit(c)) return this.number()
    for (const word of ['true', 'false', 'null']) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length
        return
      }
    }
    throw FAIL
  }

  private object(depth: number): void {
    if (depth > this.maxDepth) throw FAIL
    this.i++
    this.ws()
    if (this.s.charCodeAt(this.i) === 0x7d) return void this.i++
    const keys = new Set<string>()
    for (;;) {
      this.ws()
      if (this.s.charCodeAt(this.i) !== QUOTE) throw FAIL
      const key = this.string()
      if (keys.has(key)) throw FAIL
      keys.add(key)
      this.ws()
      if (this.s.charCodeAt(this.i) !== 0x3a) throw FAIL
      this.i++
      this.value(depth)
      this.ws()
      const c = this.s.charCodeAt(this.i)
      if (c === 0x7d) return void this.i++
      if (c !== 0x2c) throw FAIL
      this.i++
      this.ws()
      if (this.s.charCodeAt(this.i) === 0x7d) throw FAIL
    }
  }

  private array(depth: number): void {
    if (depth > this.maxDepth) throw FAIL
    this.i++
    this.ws()
    if (this.s.charCodeAt(this.i) === 0x5d) return void this.i++
    for (;;) {
      const c = this.s.charCodeAt(this.i)
      // The common case of a trace: a number right after "[" or ", ".
      if (c === 0x2d || isDigit(c)) this.number()
      else this.value(depth)
      this.ws()
      const next = this.s.charCodeAt(this.i)
      if (next === 0x5d) return void this.i++
      if (next !== 0x2c) throw FAIL
      this.i++
      this.ws()
      if (this.s.charCodeAt(this.i) === 0x5d) throw FAIL
    }
  }

  /** Reads a string token; returns its content (decoded when it has escapes). */
  private string(): string {
    const s = this.s
    const start = this.i
    let i = start + 1
    let escaped = false
    for (;;) {
      if (i >= s.length) throw FAIL
      const c = s.charCodeAt(i)
      if (c === QUOTE) break
      if (c < 0x20) throw FAIL
      if (c === BACKSLASH) {
        escaped = true
        const next = s.charCodeAt(i + 1)
        if (next === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) throw FAIL
          i += 6
        } else if (
          next === QUOTE ||
          next === BACKSLASH ||
          next === 0x2f ||
          next === 0x62 ||
          next === 0x66 ||
          next === 0x6e ||
          next === 0x72 ||
          next === 0x74
        )
          i += 2
        else throw FAIL
        continue
      }
      i++
    }
    this.i = i + 1
    return escaped ? (JSON.parse(s.slice(start, i + 1)) as string) : s.slice(start + 1, i)
  }

  private number(): void {
    const s = this.s
    const start = this.i
    let i = start
    if (s.charCodeAt(i) === 0x2d) i++
    const first = s.charCodeAt(i)
    if (first === ZERO) i++
    else if (isDigit(first)) while (isDigit(s.charCodeAt(i))) i++
    else throw FAIL
    const intDigits = i - start
    if (s.charCodeAt(i) === 0x2e) {
      i++
      if (!isDigit(s.charCodeAt(i))) throw FAIL
      while (isDigit(s.charCodeAt(i))) i++
    }
    let exponent = false
    let c = s.charCodeAt(i)
    if (c === 0x65 || c === 0x45) {
      exponent = true
      i++
      c = s.charCodeAt(i)
      if (c === 0x2b || c === 0x2d) i++
      if (!isDigit(s.charCodeAt(i))) throw FAIL
      while (isDigit(s.charCodeAt(i))) i++
    }
    if (i - start > LONGEST_NUMBER) throw FAIL
    if ((exponent || intDigits > SAFE_DIGITS) && !Number.isFinite(Number(s.slice(start, i))))
      throw FAIL
    c = s.charCodeAt(i)
    // What the general scanner calls an invalid number: a number followed by [0-9.eE+-].
    if (isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) throw FAIL
    this.i = i
  }
}

/**
 * Whether `text` is one JSON document no deeper than `maxDepth`, with finite numbers and no
 * key repeated within an object: exactly when the general scan reports neither an error nor a
 * duplicate key.
 */
export function passesFast(text: string, maxDepth: number): boolean {
  try {
    new FastScanner(text, maxDepth).document()
    return true
  } catch (e) {
    if (e === FAIL) return false
    throw e
  }
}
