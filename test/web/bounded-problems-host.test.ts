/**
 * Opens and imports answer with their problems bounded per kind (review s8a #2/#3): a NetBox file
 * of 50,000 skipped rows was answered with 50,000 warnings (37× the file), an 18 MB file with
 * 1,000,000 duplicate-key warnings (an answer past the 64 MiB cap, refused after the design had
 * been replaced); a header of many columns was quoted whole in the failure. Now at most 20 of a
 * kind are listed plus one entry counting the rest of the kind, and a message is cut to 500
 * characters. Real host child, real socket; expected values by counting.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Problem } from '../../src/shared/contract'
import { sampleWithDuplicateKeys } from './duplicate-keys'
import { wsCall } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-bounded-problems-')

describe('an import with very many problems', () => {
  it('lists 20 skipped rows and counts the other 49,980, and the design is the import', async () => {
    const csv = `name,role\n${Array.from({ length: 50_000 }, (_, i) => `d${i},x`).join('\n')}\n`
    const answer = await wsCall(ctx.provider, 1, 'files:import', {
      format: 'netbox-csv',
      contents: csv,
      name: 'skips.csv',
      mode: 'new',
      discardChanges: true,
    })
    expect(answer.ok ? 'ok' : answer.error?.message).toBe('ok')
    const warnings = (answer.value as { warnings: Problem[] }).warnings
    expect(warnings).toHaveLength(21)
    expect(warnings[20]!.message).toMatch(
      /^… and 49,980 more like this: "d20" \(line 22\) has role "x"/,
    )
    expect(warnings[20]!.path).toBe('rows[20].role')
    expect(ctx.host.exited()).toBeUndefined()
  })

  it('opens a file with 100,000 duplicate keys with 20 of their warnings listed', async () => {
    const file = join(ctx.dir, 'dup.strata.json')
    writeFileSync(file, sampleWithDuplicateKeys(100_000))
    const answer = await wsCall(ctx.provider, 3, 'files:open', { path: file, discardChanges: true })
    expect(answer.ok ? 'ok' : answer.error?.message).toBe('ok')
    const warnings = (answer.value as { warnings: Problem[] }).warnings
    const duplicate = 'this key appears more than once in its object; the last value was used'
    expect(warnings).toHaveLength(21)
    expect(warnings[0]).toEqual({
      severity: 'warning',
      path: 'meta.description',
      message: duplicate,
    })
    // 100,000 written + the sample's own description = 100,001 keys, 100,000 of them repeats
    expect(warnings[20]!.message).toBe(`… and 99,980 more like this: ${duplicate}`)
    expect(ctx.host.exited()).toBeUndefined()
  })

  it('quotes a header of 1,000 columns cut to 500 characters in its refusal', async () => {
    const header = Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',')
    const answer = await wsCall(ctx.provider, 2, 'files:import', {
      format: 'netbox-csv',
      contents: `${header}\n`,
      name: 'cols.csv',
      mode: 'new',
      discardChanges: true,
    })
    expect(answer.ok).toBe(false)
    const [problem] = (answer.error as unknown as { problems: Problem[] }).problems
    expect(problem!.path).toBe('header')
    expect(problem!.message).toHaveLength(501)
    expect(problem!.message.startsWith('columns found: c0, c1, c2')).toBe(true)
    expect(ctx.host.exited()).toBeUndefined()
  })

  it('refuses a header of 300,000 columns naming the limit of 1,000, before parsing it', async () => {
    const header = Array.from({ length: 300_000 }, (_, i) => `c${i}`).join(',')
    const answer = await wsCall(ctx.provider, 4, 'files:import', {
      format: 'netbox-csv',
      contents: `${header}\n`,
      name: 'cols.csv',
      mode: 'new',
      discardChanges: true,
    })
    expect(answer.error?.message).toBe(
      'too large to import: the header row has more than 1,000 columns, the most an import reads',
    )
    expect(ctx.host.exited()).toBeUndefined()
  })
})
