/**
 * Problems as an answer carries them (review s8a #2/#3/#8): at most 200 listed plus one entry
 * counting the rest, texts cut to 500 characters, never inside a surrogate pair. Expected values
 * by counting.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_LISTED_PROBLEMS,
  MAX_PROBLEM_TEXT_CHARS,
  boundedProblems,
  cutText,
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

describe('boundedProblems', () => {
  it('lists 200 of 500,000 warnings and counts the other 499,800 in one entry', () => {
    const all = Array.from({ length: 500_000 }, (_, i) => warning(i))
    const out = boundedProblems(all)
    expect(out).toHaveLength(201)
    expect(out.slice(0, 200)).toEqual(all.slice(0, 200))
    expect(out[200]).toEqual({
      severity: 'warning',
      path: 'rows[200].role',
      message: '… and 499,800 more problems, not listed',
    })
  })

  it('marks the counted rest an error when one of them is', () => {
    const all = Array.from({ length: 202 }, (_, i) => warning(i))
    all[201] = { ...warning(201), severity: 'error' }
    expect(boundedProblems(all)[200]).toMatchObject({
      severity: 'error',
      message: '… and 2 more problems, not listed',
    })
  })

  it('cuts a 26 MB message to 500 characters and "…"', () => {
    const header = Array.from({ length: 3_000_000 }, (_, i) => `c${i}`).join(', ')
    const [p] = boundedProblems([{ severity: 'error', path: 'header', message: header }])
    expect(p!.message).toBe(`${header.slice(0, MAX_PROBLEM_TEXT_CHARS)}…`)
  })

  it('leaves at most 200 short problems as they are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_LISTED_PROBLEMS }), (n) => {
        const all = Array.from({ length: n }, (_, i) => warning(i))
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
