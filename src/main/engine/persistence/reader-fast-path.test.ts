/**
 * The reader's fast paths (UTF-8 decoding, the JSON scan, bulk trace samples in the schema
 * check) against its general paths: identical output on random valid input and identical
 * errors (message, place, JSON path) on random bad input.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDesign } from '../model/parse'
import { checkIntegrity } from '../model/validate'
import { scanJson, scanJsonGeneral } from './json-scan'
import { decodeUtf8, decodeUtf8General } from './utf8'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Bytes: mostly UTF-8 text, with runs of arbitrary bytes and cut sequences mixed in. */
const bytesArb = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }).map(encode),
      fc.string({ maxLength: 2000 }).map(encode),
      fc.uint8Array({ maxLength: 6 }),
      fc.constantFrom(
        Uint8Array.of(0xef, 0xbb, 0xbf),
        Uint8Array.of(0xc0, 0x80),
        Uint8Array.of(0xed, 0xa0, 0x80),
        Uint8Array.of(0xf4, 0x90, 0x80, 0x80),
        Uint8Array.of(0xe2, 0x82),
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let k = 0
    for (const p of parts) {
      out.set(p, k)
      k += p.length
    }
    return out
  })

describe('UTF-8 fast path', () => {
  it('decodes exactly as the general path, errors included', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        expect(decodeUtf8(bytes)).toStrictEqual(decodeUtf8General(bytes))
      }),
      { numRuns: 400 },
    )
  })

  it('gives a long ASCII text and a long text with multibyte characters back intact', () => {
    const text = `{"a":[${'12.5,'.repeat(5000)}1],"é€😀":"${'x'.repeat(3000)}"}`
    expect(decodeUtf8(encode(text))).toStrictEqual({ text })
  })
})

/** JSON text: a random value with random spacing, sometimes mutated (a character dropped, inserted or doubled). */
const jsonTextArb = fc
  .tuple(
    fc.jsonValue({ maxDepth: 5 }),
    fc.constantFrom(undefined, 1, '\t', ' \n '),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('drop', 'insert', 'double'),
        fc.constantFrom(...'{}[]",:0-.eE+\\u1 \n\x01ntf'.split('')),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([value, space, edits]) => {
    let text = JSON.stringify(value, null, space)
    for (const [at, kind, ch] of edits) {
      const i = text.length === 0 ? 0 : at % text.length
      if (kind === 'drop') text = text.slice(0, i) + text.slice(i + 1)
      else if (kind === 'insert') text = text.slice(0, i) + ch + text.slice(i)
      else text = text.slice(0, i) + text.slice(i, i + 1) + text.slice(i)
    }
    return text
  })

describe('JSON scan fast path', () => {
  it('reports what the general scanner reports, on valid and broken documents', () => {
    fc.assert(
      fc.property(jsonTextArb, fc.integer({ min: 1, max: 8 }), (text, maxDepth) => {
        expect(scanJson(text, { maxDepth })).toStrictEqual(scanJsonGeneral(text, { maxDepth }))
      }),
      { numRuns: 600 },
    )
  })

  it('agrees on the edge cases: duplicates, huge numbers, long numbers, escapes, depth', () => {
    const cases = [
      '{"a":1,"a":2}',
      '{"a":{"b":1,"\\u0062":2}}',
      '[1e400]',
      '[-1e309, 2]',
      `[${'9'.repeat(310)}]`,
      `[${'9'.repeat(300)}]`,
      `[0.${'1'.repeat(420)}]`,
      '["\\x"]',
      '["\\u12G4"]',
      '[01]',
      '[1.]',
      '[-]',
      '[1,]',
      '{"a":1,}',
      '[[[[1]]]]',
      '',
      '  ',
      'nul',
      '[true false]',
      '"\u0001"',
    ]
    for (const text of cases)
      for (const maxDepth of [2, 64])
        expect(scanJson(text, { maxDepth }), text).toStrictEqual(
          scanJsonGeneral(text, { maxDepth }),
        )
  })
})

const fixtures = join(__dirname, '../../../../test/fixtures/files')
const base = checkIntegrity(
  JSON.parse(readFileSync(join(fixtures, 'v1-two-hall.strata.json'), 'utf8')),
).design
if (!base) throw new Error('fixture v1-two-hall is invalid')

/** A sample: mostly valid percentages, sometimes a value zod refuses. */
const sampleArb = fc.oneof(
  { weight: 30, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      -0.5,
      100.0001,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '50',
      null,
      undefined,
      [1],
      true,
    ),
  },
)
const seriesArb = fc.oneof(
  { weight: 8, arbitrary: fc.array(sampleArb, { maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('1,2', null, 7, { 0: 1 }) },
)

const designArb = fc
  .tuple(
    fc.array(fc.tuple(seriesArb, fc.option(seriesArb, { nil: undefined }), fc.boolean()), {
      maxLength: 5,
    }),
    fc.option(seriesArb, { nil: undefined }),
  )
  .map(([traces, traffic]) => {
    const d = structuredClone(base) as unknown as Record<string, unknown>
    d.traces = traces.map(([cpu, memory, badId], i) => ({
      id: badId ? '' : `trace-${i}`,
      name: `trace ${i}`,
      intervalS: 300,
      cpuPercent: cpu,
      ...(memory === undefined ? {} : { memoryPercent: memory }),
    }))
    const workloads = d.workloads as Array<Record<string, unknown>>
    if (traffic !== undefined && workloads[0])
      workloads[0].traffic = { trace: { intervalS: 60, percent: traffic } }
    return d
  })

describe('bulk-series fast path of the schema check', () => {
  it('parses random designs exactly as zod does sample by sample, problems included', () => {
    fc.assert(
      fc.property(designArb, (raw) => {
        const before = structuredClone(raw)
        const fast = parseDesign(raw)
        expect(raw).toStrictEqual(before)
        expect(fast).toStrictEqual(parseDesign(raw, { fast: false }))
        // The parsed series are the design's own arrays, not the caller's.
        if (fast.ok)
          fast.value.traces.forEach((t, i) =>
            expect(t.cpuPercent).not.toBe(
              (raw.traces as Array<{ cpuPercent: unknown }>)[i]?.cpuPercent,
            ),
          )
      }),
      { numRuns: 300 },
    )
  })
})
