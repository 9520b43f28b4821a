/**
 * Imports answer with their problems bounded (review s8a #2/#3): a NetBox file of 50,000
 * skipped rows was answered with 50,000 warnings (37× the file); a header of many columns was
 * quoted whole in the failure. Now at most 200 are listed plus one entry counting the rest, and a
 * message is cut to 500 characters. Real host child, real socket; expected values by counting.
 */
import { describe, expect, it } from 'vitest'
import type { Problem } from '../../src/shared/contract'
import { wsCall } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-bounded-problems-')

describe('an import with very many problems', () => {
  it('lists 200 skipped rows and counts the other 49,800, and the design is the import', async () => {
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
    expect(warnings).toHaveLength(201)
    expect(warnings[200]!.message).toBe('… and 49,800 more problems, not listed')
    expect(warnings[200]!.path).toBe('rows[200].role')
    expect(ctx.host.exited()).toBeUndefined()
  })

  it('quotes a header of 300,000 columns cut to 500 characters in its refusal', async () => {
    const header = Array.from({ length: 300_000 }, (_, i) => `c${i}`).join(',')
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
})
