/**
 * Reading a call's name and id from a message's raw bytes (review s6a #7): the scan must agree
 * with `JSON.parse` on every envelope, whatever the key order, spacing, nesting and the
 * strings inside (quotes, escapes, brackets). The oracle is `JSON.parse` itself, an
 * independent implementation. With duplicate keys the first counts (the host checks the
 * parsed call's cap again).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  LARGE_MESSAGE_CALLS,
  messageCapBytes,
  peekEnvelope,
  SMALL_MESSAGE_BYTES,
} from '../../src/main/web/message-caps'

/** JSON text of an object with these entries, in this order, with `space` between tokens. */
function objectText(entries: Array<[string, unknown]>, space: string): string {
  return (
    `{${space}` +
    entries
      .map(
        ([k, v]) =>
          `${JSON.stringify(k)}${space}:${space}${JSON.stringify(v, null, space.length > 0 ? 1 : 0)}`,
      )
      .join(`${space},${space}`) +
    `${space}}`
  )
}

const tricky = fc.constantFrom(
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'name',
  'id',
  '"name":"x"',
  'é',
  '😀',
)
const text = fc
  .array(fc.oneof(fc.string(), tricky), { maxLength: 5 })
  .map((parts) => parts.join(''))

describe('peekEnvelope', () => {
  it('agrees with JSON.parse on the name and id of any envelope', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.oneof(fc.constantFrom('id', 'name', 'request', 'x'), text),
            fc.oneof(
              fc.jsonValue({ maxDepth: 3 }),
              text,
              fc.integer(),
              fc.double({ noNaN: true, noDefaultInfinity: true }),
            ),
          ),
          { maxLength: 6, selector: ([key]) => key },
        ),
        fc.constantFrom('', ' ', '\n  '),
        (entries, space) => {
          const json = objectText(entries, space)
          const parsed = JSON.parse(json) as Record<string, unknown>
          const peek = peekEnvelope(Buffer.from(json, 'utf8'))
          // Scalars with short JSON text are read; longer ones may be left unread, never misread.
          for (const key of ['name', 'id'] as const) {
            const value = parsed[key]
            const readable =
              typeof value === 'string' || (key === 'id' && typeof value === 'number')
            if (readable && JSON.stringify(value).length <= 150) expect(peek[key]).toBe(value)
            else if (readable) expect([undefined, value]).toContain(peek[key])
            else expect(peek[key]).toBeUndefined()
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('finds a name written after a big request, and none in a nested object', () => {
    const hostIds = Array.from({ length: 1000 }, (_, i) => `host-"${i}"-{name}`)
    const after = `{"request":{"hostIds":${JSON.stringify(hostIds)},"name":"design:load"},"id":7,"name":"simulation:host-series"}`
    expect(peekEnvelope(Buffer.from(after))).toEqual({ name: 'simulation:host-series', id: 7 })
    expect(peekEnvelope(Buffer.from('{"request":{"name":"design:load"}}'))).toEqual({})
    expect(peekEnvelope(Buffer.from('[{"name":"design:load"}]'))).toEqual({})
  })

  it('takes the first of duplicate keys', () => {
    expect(peekEnvelope(Buffer.from('{"id":1,"name":"a","id":2,"name":"b"}'))).toEqual({
      id: 1,
      name: 'a',
    })
  })

  it('does not recognize a key written with escapes (the call gets the small cap)', () => {
    expect(peekEnvelope(Buffer.from('{"n\\u0061me":"design:load"}')).name).toBeUndefined()
  })
})

describe('messageCapBytes', () => {
  it('gives the frame limit to calls that carry a design or a file, 1 MiB to the rest', () => {
    const frame = 64 * 1024 * 1024
    for (const name of LARGE_MESSAGE_CALLS) expect(messageCapBytes(name, frame)).toBe(frame)
    expect(messageCapBytes('simulation:host-series', frame)).toBe(1024 * 1024)
    expect(messageCapBytes(undefined, frame)).toBe(SMALL_MESSAGE_BYTES)
    expect(messageCapBytes('app:info', 4096)).toBe(4096)
    expect(formatBytes(SMALL_MESSAGE_BYTES)).toBe('1 MiB')
    expect(formatBytes(58_900_000)).toBe('58,900,000 bytes')
  })
})
