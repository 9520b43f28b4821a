/**
 * What a tenant reads about its own placement (review s9u C2, C4), through the real services
 * on the sample: Acme's refused instance named each reason twice ("…guest. (…guest)"), and the
 * hosts its instances use were labelled "Zone 1, Zone 2, …" although the design's zones are its
 * halls. Now each reason appears once in the one sentence the view shows, and the hosts are
 * pseudonyms "Host 1", "Host 2", … numbered in the order of the tenant's own instances.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { TenantView } from '../../src/shared/domain/tenant-view'
import { testServices } from '../support/services/test-services'

const provider = { role: 'provider' } as const
const acme = { role: 'tenant', tenantId: 't-acme' } as const

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1
}

describe("a tenant's placement words", () => {
  it('name each refusal reason once, and hosts as Host N', async () => {
    const s = testServices()
    const document = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
    expect((await s.dispatch(provider, 'design:load', { document })).ok).toBe(true)
    expect((await s.dispatch(provider, 'scheduler:place', {})).ok).toBe(true)
    const view = ((await s.dispatch(acme, 'tenancy:view', {})) as { value: TenantView }).value
    const refused = view.explanations.filter((e) => e.outcome === 'unplaced')
    expect(refused.length).toBeGreaterThan(0)
    for (const e of refused) {
      expect(e.reasons.length).toBeGreaterThan(0)
      for (const r of e.reasons) expect(occurrences(e.summary, r), `${e.instanceId}: ${r}`).toBe(1)
    }
    expect(view.zones.length).toBeGreaterThan(0)
    view.zones.forEach((z, k) => expect(z.label).toBe(`Host ${k + 1}`))
    const placed = view.explanations.filter((e) => e.outcome === 'placed')
    for (const e of placed) expect(e.summary).toMatch(/^Placed on Host \d+\.$/)
    s.ctx.runs.dispose()
  })
})
