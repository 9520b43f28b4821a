/**
 * A tenant whose node pool is full is told about its own VMs (review s7c #4), through the real
 * services: the sample's Globex pool is 4 VMs of 16 GiB, and its 8 job pods are made to ask
 * 12 GiB each, so (by memory, 2 × 12 GiB > 16 GiB) each VM holds one pod: 4 are placed and 4
 * are refused. Before, each refused pod read "No host could take this instance." with no
 * reason (the reasons were dropped on the way to the view), as if the provider's hosts were
 * short; now "None of your 4 VMs of globex compute has room for it: …memory…", and no word
 * of another tenant or of the provider's hosts.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { TenantView } from '../../src/shared/domain/tenant-view'
import { testServices } from '../support/services/test-services'

const provider = { role: 'provider' } as const
const globex = { role: 'tenant', tenantId: 't-globex' } as const

describe("a tenant's full node pool", () => {
  it('is explained as its own VMs having no room', async () => {
    const s = testServices()
    const document = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')) as {
      workloads: Array<{ id: string; memoryMiB: number }>
    }
    const pods = document.workloads.find((w) => w.id === 'w-globex-jobs')!
    pods.memoryMiB = 12 * 1024
    expect((await s.dispatch(provider, 'design:load', { document })).ok).toBe(true)
    expect((await s.dispatch(provider, 'scheduler:place', {})).ok).toBe(true)
    const got = await s.dispatch(globex, 'tenancy:view', {})
    const view = (got as { value: TenantView }).value
    const refused = view.explanations.filter((e) => e.outcome === 'unplaced')
    expect(refused.map((e) => e.instanceId).sort()).toHaveLength(4)
    for (const e of refused) {
      expect(e.instanceId).toMatch(/^w-globex-jobs#/)
      expect(e.summary).toMatch(/^None of your 4 VMs of globex compute has room for it: .*memory/)
      expect(e.summary).not.toMatch(/No host|acme|Acme|esxi|kvm/)
    }
    s.ctx.runs.dispose()
  })
})
