/**
 * A file that is not JSON (an env file, a key, HTML, a PNG) gets an error that names where
 * and what kind of character, never a piece of the file (review s6u, closing note s6 "Not
 * fixed": the app's open quoted the first character). Both scan paths: `scanJson` (the fast
 * path, falling back to the general scanner) and `scanJsonGeneral`. The property is
 * metamorphic: renaming every letter and symbol of a file (keeping JSON's grammar characters,
 * digits and whitespace) must not change its error at all, so the error cannot carry them.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanJson, scanJsonGeneral, type ScanResult } from './json-scan'

const OPTIONS = { maxDepth: 64 }
const PATHS: Array<[string, (text: string) => ScanResult]> = [
  ['scanJson', (text) => scanJson(text, OPTIONS)],
  ['scanJsonGeneral', (text) => scanJsonGeneral(text, OPTIONS)],
]

/** Letters that never make a JSON keyword or exponent when permuted among themselves. */
const LETTERS = 'ABCDFGHIJKLMNOPQRSTUVWXYZ'
/** Symbols outside JSON's grammar and number syntax. */
const SYMBOLS = "=;!@#$%&*()<>?/|~^`'_"
/** Kept as they are: grammar characters without quotes (no keys or strings), digits, spaces. */
const KEPT = '[],:0123456789 \n\t'

const SECRET = 'hunter2'
const FILES: Array<[string, string]> = [
  ['an env file', `password=${SECRET}\nPATH=/bin\n`],
  ['a private key', `-----BEGIN PRIVATE KEY-----\n${SECRET}\n`],
  ['HTML', `<html><body>${SECRET}</body></html>`],
  ['a PNG header', `\u0089PNG\r\n\u001a\n${SECRET}`],
  ['CSV', `time,cpu\n0,${SECRET}\n`],
  ['a JSON-looking start', `{"a": ${SECRET}}`],
  ['a number then text', `12${SECRET}`],
  ['a bad escape', `["\\${SECRET}"]`],
  ['a word after a value', `[1 ${SECRET}]`],
]

describe('an error for a file that is not JSON', () => {
  for (const [name, scan] of PATHS) {
    it(`quotes nothing of the file (${name})`, () => {
      for (const [kind, text] of FILES) {
        const { error } = scan(text)
        expect(error, kind).toBeDefined()
        const said = JSON.stringify(error)
        for (const part of [SECRET, 'hunter', 'password', 'PRIVATE', 'html', 'PNG'])
          expect(said, kind).not.toContain(part)
        // not one character of the secret, quoted as the old message did ("h", "2", ...)
        for (const ch of new Set(SECRET)) expect(said, kind).not.toContain(`"${ch}"`)
        // the only quoted characters are JSON's own grammar (the old message quoted "p")
        const grammar = ['"{"', '"}"', '"["', '"]"', '","', '":"', '"""', '"-"']
        const rest = grammar.reduce((m, q) => m.replaceAll(q, ''), error?.message ?? '')
        expect(rest, kind).not.toContain('"')
      }
    })

    it(`is the same for any renaming of the file's letters and symbols (${name})`, () => {
      const alphabet = LETTERS + SYMBOLS + KEPT
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 60 }),
          fc.shuffledSubarray([...LETTERS], { minLength: LETTERS.length }),
          fc.shuffledSubarray([...SYMBOLS], { minLength: SYMBOLS.length }),
          (text, letters, symbols) => {
            const rename = (ch: string): string => {
              const l = LETTERS.indexOf(ch)
              if (l >= 0) return letters[l] as string
              const s = SYMBOLS.indexOf(ch)
              return s >= 0 ? (symbols[s] as string) : ch
            }
            const renamed = [...text].map(rename).join('')
            expect(scan(renamed)).toStrictEqual(scan(text))
          },
        ),
        { numRuns: 400 },
      )
    })
  }

  it('still says where and what kind: line, column and "a letter"', () => {
    const { error } = scanJson(`\n  ${SECRET}`, OPTIONS)
    expect(error).toMatchObject({ line: 2, column: 3, path: '' })
    expect(error?.message).toBe('found a letter where a value was expected')
  })
})
