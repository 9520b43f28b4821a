/**
 * Fuzz: thousands of mutations of the sample file (truncation, wrong types, huge numbers,
 * deep nesting, invalid UTF-8, ...). Opening never throws, every rejection names a JSON path
 * for each problem, and the open design is unchanged by a rejected file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DesignSession, checkIntegrity } from '../../src/main/engine'
import { openIntoSession } from '../../src/main/engine/persistence'
import { seededRandom } from '../../src/main/engine/random'

const SAMPLE_TEXT = readFileSync(
  join(__dirname, '../../resources/samples/two-hall.strata.json'),
  'utf8',
)
const SAMPLE = JSON.parse(SAMPLE_TEXT) as Record<string, unknown>

/** The engine's seeded random source (seed 0 by default, as everywhere in Strata). */
const rng = (seed = 0): (() => number) => seededRandom(seed)

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every [container, key] slot in a JSON value. */
function slots(value: Json, out: Array<[Record<string, Json> | Json[], string | number]> = []) {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([value, i])
      slots(v, out)
    })
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push([value, k])
      slots(v, out)
    }
  return out
}

const WEIRD: Json[] = [
  null,
  true,
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  'x',
  '',
  [],
  {},
  [1, 2],
  { id: 7 },
  'a'.repeat(300),
]

function mutate(r: () => number): Uint8Array {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const kind = Math.floor(r() * 7)
  if (kind === 0)
    return Buffer.from(SAMPLE_TEXT.slice(0, Math.floor(r() * SAMPLE_TEXT.length)), 'utf8')
  if (kind === 1) {
    const buf = Buffer.from(SAMPLE_TEXT, 'utf8')
    const at = Math.floor(r() * buf.length)
    buf[at] = pick([0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff, 0xed, 0xe0])
    return buf
  }
  if (kind === 2) {
    const text = SAMPLE_TEXT
    const at = Math.floor(r() * text.length)
    return Buffer.from(
      text.slice(0, at) +
        pick(['{', '}', ',', '"', ':', '[', ']', '\u0001', '1e999', 'NaN']) +
        text.slice(at + (r() < 0.5 ? 1 : 0)),
      'utf8',
    )
  }
  const doc = structuredClone(SAMPLE) as Json
  const all = slots(doc)
  const n = 1 + Math.floor(r() * 3)
  for (let k = 0; k < n; k++) {
    const [container, key] = pick(all)
    if (kind === 3) (container as Record<string, Json>)[key as string] = pick(WEIRD)
    else if (kind === 4) {
      // Built as text below: JSON.stringify itself overflows on thousands of levels.
      ;(container as Record<string, Json>)[key as string] = `@@DEEP${Math.floor(r() * 5000)}@@`
    } else if (kind === 5) {
      if (Array.isArray(container)) container.splice(key as number, 1)
      else delete container[key as string]
    } else
      (container as Record<string, Json>)[key as string] = pick([
        1e300,
        -1e300,
        Number.MAX_SAFE_INTEGER * 1e10,
        4294967297,
      ])
  }
  let text = JSON.stringify(doc).replace(/"@@DEEP(\d+)@@"/g, (_m, levels: string) => {
    const n = Number(levels)
    return r() < 0.5 ? '['.repeat(n) + '1' + ']'.repeat(n) : '{"k":'.repeat(n) + '1' + '}'.repeat(n)
  })
  if (kind === 6 && r() < 0.5) text = text.replace(/\d{3,}/, '9'.repeat(400))
  return Buffer.from(text, 'utf8')
}

/** A problem at the root must be about the whole document or give a line/byte location. */
const ROOT_MESSAGES =
  /unknown field|missing|top level|bytes; the limit|at byte \d+|line \d+, column \d+|made by a newer Strata|schemaVersion/

describe('fuzz: opening mutated sample files', () => {
  it('never crashes, names a path in every rejection, and leaves the open design unchanged', () => {
    const session = new DesignSession()
    const opened = openIntoSession(session, SAMPLE_TEXT)
    expect(opened.ok).toBe(true)
    const r = rng(0)
    let rejected = 0
    let accepted = 0
    for (let i = 0; i < 3000; i++) {
      const before = session.design
      const revision = session.state.revision
      const input = mutate(r)
      const result = openIntoSession(session, input, { source: `mutant ${i}` })
      if (result.ok) {
        accepted++
        // An accepted mutant must be a sound design; then go back to the sample.
        expect(checkIntegrity(session.design).problems).toEqual([])
        openIntoSession(session, SAMPLE_TEXT)
        continue
      }
      rejected++
      expect(session.design).toBe(before)
      expect(session.state.revision).toBe(revision)
      expect(result.error.code).toBe('invalid-design')
      const problems = result.error.problems ?? []
      expect(problems.length).toBeGreaterThan(0)
      for (const p of problems) {
        expect(typeof p.path).toBe('string')
        expect(p.message.length).toBeGreaterThan(0)
        if (p.path === '') expect(p.message).toMatch(ROOT_MESSAGES)
      }
    }
    expect(rejected).toBeGreaterThan(1500)
    expect(accepted).toBeGreaterThan(0)
  })
})
