/**
 * Problems as an answer carries them (review s8a #2/#3/#8): at most 20 of a kind and 200 in all
 * listed, one entry per kind counting its rest (50 kinds) and one for all other kinds; texts cut to 500 characters, never inside a surrogate pair. Expected values
 * by counting.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_COUNTED_KINDS,
  MAX_LISTED_PER_KIND,
  MAX_LISTED_PROBLEMS,
  MAX_PROBLEM_TEXT_CHARS,
  boundedProblems,
  cutText,
  problemKind,
  type Problem,
} from './problem'

/** No lone half of a surrogate pair (String.prototype.isWellFormed, not in this lib target). */
const wellFormed = (text: string): boolean =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)

const warning = (i: number): Problem => ({
  severity: 'warning',
  path: `rows[${i}].role`,
  message: `row ${i} skipped`,
})

/** A message of its own kind for each `i` (letters, not digits: digits are left out of a kind). */
const kindName = (i: number): string =>
  Array.from(i.toString(26), (d) => String.fromCharCode(97 + parseInt(d, 36))).join('')
const ofKind = (i: number): Problem => ({
  severity: 'warning',
  path: `x[${i}]`,
  message: `kind ${kindName(i)}`,
})
const more = /^… and ([\d,]+) more (?:like this: |problems?, not listed)/

describe('boundedProblems', () => {
  it('lists 20 of 500,000 warnings of one kind and counts the other 499,980 in one entry', () => {
    const all = Array.from({ length: 500_000 }, (_, i) => warning(i))
    const out = boundedProblems(all)
    expect(out).toHaveLength(MAX_LISTED_PER_KIND + 1)
    expect(out.slice(0, 20)).toEqual(all.slice(0, 20))
    expect(out[20]).toEqual({
      severity: 'warning',
      path: 'rows[20].role',
      message: '… and 499,980 more like this: row 20 skipped',
    })
  })

  it('still lists the one warning of another kind after 1,000,000 duplicate keys (s8a #2)', () => {
    const dup: Problem = {
      severity: 'warning',
      path: 'meta.description',
      message: 'this key appears more than once in its object; the last value was used',
    }
    const other: Problem = { severity: 'warning', path: 'lastRun', message: 'the run was dropped' }
    const all = [...Array.from({ length: 1_000_000 }, () => dup), other]
    expect(boundedProblems(all)).toEqual([
      ...Array.from({ length: 20 }, () => dup),
      other,
      { ...dup, message: `… and 999,980 more like this: ${dup.message}` },
    ])
  })

  it('marks a counted kind of errors an error', () => {
    const all = Array.from({ length: 22 }, (_, i) => ({
      ...warning(i),
      severity: 'error' as const,
    }))
    expect(boundedProblems(all)[20]).toMatchObject({
      severity: 'error',
      message: '… and 2 more like this: row 20 skipped',
    })
  })

  it('counts 50 kinds past the first 200 entries one by one, and the other 2,750 together', () => {
    const all = Array.from({ length: 3000 }, (_, i) => ofKind(i))
    const out = boundedProblems(all)
    expect(out).toHaveLength(MAX_LISTED_PROBLEMS + MAX_COUNTED_KINDS + 1)
    expect(out.slice(0, 200)).toEqual(all.slice(0, 200))
    expect(out[200]!.message).toBe(`… and 1 more like this: kind ${kindName(200)}`)
    expect(out[250]).toEqual({
      severity: 'warning',
      path: 'x[250]',
      message: '… and 2,750 more problems, not listed',
    })
  })

  it('lists or counts every problem exactly once, at most 20 of a kind and 251 entries', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(400), fc.boolean()), { maxLength: 3000 }), (picks) => {
        const all = picks.map(([k, error]) => ({
          ...ofKind(k),
          severity: error ? ('error' as const) : ('warning' as const),
        }))
        const out = boundedProblems(all)
        let total = 0
        const perKind = new Map<string, number>()
        for (const p of out) {
          const m = more.exec(p.message)
          if (m) total += Number(m[1]!.replace(/,/g, ''))
          else {
            total++
            const key = problemKind(p)
            perKind.set(key, (perKind.get(key) ?? 0) + 1)
          }
        }
        expect(total).toBe(all.length)
        expect(Math.max(0, ...perKind.values())).toBeLessThanOrEqual(MAX_LISTED_PER_KIND)
        expect(out.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + MAX_COUNTED_KINDS + 1)
      }),
      { numRuns: 60 },
    )
  })

  it('cuts a 26 MB message to 500 characters and "…"', () => {
    const header = Array.from({ length: 3_000_000 }, (_, i) => `c${i}`).join(', ')
    const [p] = boundedProblems([{ severity: 'error', path: 'header', message: header }])
    expect(p!.message).toBe(`${header.slice(0, MAX_PROBLEM_TEXT_CHARS)}…`)
  })

  it('leaves at most 200 short problems of different kinds as they are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_LISTED_PROBLEMS }), (n) => {
        const all = Array.from({ length: n }, (_, i) => ofKind(i))
        expect(boundedProblems(all)).toEqual(all)
      }),
    )
  })
})

describe('cutText', () => {
  it('never leaves half of a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(200), (text, max) => {
        const cut = cutText(text, max + 1)
        expect(wellFormed(cut)).toBe(wellFormed(text))
        if (text.length <= max + 1) expect(cut).toBe(text)
        else expect(text.startsWith(cut.slice(0, -1))).toBe(true)
      }),
    )
  })

  it('backs off one unit before an emoji at the cut', () => {
    expect(cutText(`${'a'.repeat(99)}😀b`, 100)).toBe(`${'a'.repeat(99)}…`)
  })
})
