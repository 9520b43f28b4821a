/**
 * A validating JSON scanner: finds the first syntax error with its line, column and the JSON
 * path it is in, refuses nesting deeper than a limit and numbers too large for a double, and
 * notes duplicate keys. It builds nothing; `JSON.parse` builds the value once the scan passes.
 */
import { formatPath } from '../../../shared/domain/problem'
import { passesFast } from './json-scan-fast'

export interface JsonSyntaxError {
  message: string
  /** 0-based character offset. */
  offset: number
  line: number
  column: number
  /** JSON path of the value being read when the error was found (`` = the root). */
  path: string
}

export interface ScanResult {
  error?: JsonSyntaxError
  /** JSON paths of keys repeated in one object (the last value wins in `JSON.parse`). */
  duplicateKeys: string[]
}

export interface ScanOptions {
  /** Deepest allowed nesting of objects and arrays. */
  maxDepth: number
  /** Stop at this offset and report the path there (for locating other errors). */
  stopAt?: number
}

class Stop {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly path: string,
  ) {}
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d])

/** The characters of JSON's grammar: the only ones an error message quotes. */
const GRAMMAR = '{}[],:"'

/**
 * Names the character at an error without echoing the file: JSON's own grammar characters are
 * quoted, anything else is named by its kind (a file that is not JSON may hold a password or a
 * key, and an error message ends up in logs and screenshots).
 */
function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file'
  if (GRAMMAR.includes(ch)) return `"${ch}"`
  const code = ch.charCodeAt(0)
  if (code < 0x20 || code === 0x7f)
    return `control character U+${code.toString(16).padStart(4, '0')}`
  if (/[A-Za-z]/.test(ch)) return 'a letter'
  if (/[0-9]/.test(ch)) return 'a digit'
  if (code > 0x7f) return 'a non-ASCII character'
  return 'a punctuation character'
}

class Scanner {
  private i = 0
  private readonly path: Array<string | number> = []
  readonly duplicates: string[] = []

  constructor(
    private readonly s: string,
    private readonly options: ScanOptions,
  ) {}

  private fail(message: string, at = this.i): never {
    throw new Stop(message, at, formatPath(this.path))
  }

  private checkStop(): void {
    if (this.options.stopAt !== undefined && this.i >= this.options.stopAt)
      this.fail('stopped', this.options.stopAt)
  }

  private ws(): void {
    while (this.i < this.s.length && WS.has(this.s.charCodeAt(this.i))) this.i++
  }

  document(): void {
    this.ws()
    if (this.i >= this.s.length) this.fail('the file is empty; a JSON object was expected')
    this.value(0)
    this.ws()
    if (this.i < this.s.length) this.fail('unexpected content after the end of the JSON document')
  }

  private value(depth: number): void {
    this.ws()
    this.checkStop()
    const ch = this.s[this.i]
    if (ch === '{') return this.object(depth + 1)
    if (ch === '[') return this.array(depth + 1)
    if (ch === '"') return void this.string()
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number()
    for (const word of ['true', 'false', 'null']) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length
        return
      }
    }
    this.fail(`found ${describe(ch)} where a value was expected`)
  }

  private enter(depth: number): void {
    if (depth > this.options.maxDepth)
      this.fail(`nesting deeper than ${this.options.maxDepth} levels`)
    this.i++
  }

  private object(depth: number): void {
    this.enter(depth)
    const keys = new Set<string>()
    this.ws()
    if (this.s[this.i] === '}') return void this.i++
    for (;;) {
      this.ws()
      if (this.s[this.i] !== '"')
        this.fail(
          `found ${describe(this.s[this.i])} where a property name in double quotes was expected`,
        )
      const key = this.string()
      this.ws()
      if (this.s[this.i] !== ':')
        this.fail(`found ${describe(this.s[this.i])} where ":" was expected after a property name`)
      this.i++
      this.path.push(key)
      if (keys.has(key)) this.duplicates.push(formatPath(this.path))
      keys.add(key)
      this.value(depth)
      this.path.pop()
      this.ws()
      const ch = this.s[this.i]
      if (ch === '}') return void this.i++
      if (ch !== ',') this.fail(`found ${describe(ch)} where "," or "}" was expected`)
      this.i++
      this.ws()
      if (this.s[this.i] === '}') this.fail('trailing comma before "}"')
    }
  }

  private array(depth: number): void {
    this.enter(depth)
    this.ws()
    if (this.s[this.i] === ']') return void this.i++
    for (let index = 0; ; index++) {
      this.path.push(index)
      this.value(depth)
      this.path.pop()
      this.ws()
      const ch = this.s[this.i]
      if (ch === ']') return void this.i++
      if (ch !== ',') this.fail(`found ${describe(ch)} where "," or "]" was expected`)
      this.i++
      this.ws()
      if (this.s[this.i] === ']') this.fail('trailing comma before "]"')
    }
  }

  /** Reads a string token; returns its decoded content. */
  private string(): string {
    const start = this.i
    this.i++
    let escaped = false
    for (;;) {
      if (this.i >= this.s.length) this.fail('unterminated string', start)
      this.checkStop()
      const code = this.s.charCodeAt(this.i)
      if (code === 0x22) break
      if (code < 0x20) this.fail(`${describe(this.s[this.i])} inside a string; escape it`)
      if (code === 0x5c) {
        escaped = true
        const next = this.s[this.i + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6)))
            this.fail('"\\u" must be followed by four hex digits')
          this.i += 6
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.i += 2
        else this.fail(`invalid escape in a string: a backslash followed by ${describe(next)}`)
        continue
      }
      this.i++
    }
    this.i++
    const raw = this.s.slice(start, this.i)
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1)
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400))
    if (!match) this.fail(`invalid number: "-" must be followed by a digit`)
    const text = match[0]
    if (!Number.isFinite(Number(text))) this.fail('a number too large for a double')
    this.i += text.length
    const after = this.s[this.i]
    if (after !== undefined && /[0-9.eE+-]/.test(after))
      this.fail(`invalid number: it is followed by ${describe(after)}`)
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Scans `text` as JSON; see the module doc. A document that passes cleanly is read by the fast
 * path (`json-scan-fast.ts`); any other goes through the general scanner, which locates what
 * is wrong: the result is the same either way.
 */
export function scanJson(text: string, options: ScanOptions): ScanResult {
  if (options.stopAt === undefined && passesFast(text, options.maxDepth))
    return { duplicateKeys: [] }
  return scanJsonGeneral(text, options)
}

/** The general path of `scanJson`: tracks the JSON path, reports the first error and every duplicate key. */
export function scanJsonGeneral(text: string, options: ScanOptions): ScanResult {
  const scanner = new Scanner(text, options)
  try {
    scanner.document()
    return { duplicateKeys: scanner.duplicates }
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop
    const { line, column } = lineColumn(text, stop.offset)
    return {
      duplicateKeys: scanner.duplicates,
      error: { message: stop.message, offset: stop.offset, line, column, path: stop.path },
    }
  }
}

/** The JSON path of the value at `offset` in `text` (best effort, for locating byte errors). */
export function pathAt(text: string, offset: number, maxDepth: number): string {
  return scanJson(text, { maxDepth, stopAt: offset }).error?.path ?? ''
}
