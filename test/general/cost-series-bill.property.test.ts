/**
 * The cost series ends at the bill (review s6u #1): over random generated designs with
 * east-west and north-south traffic, provisioned IOPS, node pools, host failures, both billing
 * bases and several currencies, each tenant's last `cumulativeCost` point equals its bill's
 * total, every line included (vCPU, memory, storage, provisioned IOPS, network GB), within the
 * bill's rounding (6 decimals per line). The bill is built on another path (per-instance
 * totals in `result.ts`, the network accounts' GB in `network/bill.ts`), so the two check each
 * other; a bill with no IOPS or network line would not exercise the fix, so the test also
 * requires that both kinds of line carry money.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addGenerateExtras } from '../../src/main/cli/commands/generate-extras'
import { syntheticDatacenter } from '../../src/main/engine/scheduler'
import { simulate } from '../../src/main/engine/simulation'
import type { Design } from '../../src/shared/design/schema'

const scenario = fc.record({
  hosts: fc.integer({ min: 3, max: 10 }),
  perHost: fc.integer({ min: 2, max: 6 }),
  tenants: fc.integer({ min: 1, max: 4 }),
  eastWest: fc.integer({ min: 0, max: 3 }),
  policy: fc.constantFrom('thr-mmt-0.8', 'lr-mmt-1.2', 'dvfs', 'npa'),
  seed: fc.integer({ min: 0, max: 10_000 }),
  failures: fc.boolean(),
  horizonS: fc.integer({ min: 1800, max: 4 * 3600 }),
  prices: fc.array(
    fc.record({
      basis: fc.constantFrom('allocated' as const, 'used' as const),
      currency: fc.constantFrom('USD', 'EUR', 'JPY'),
      vcpuHour: fc.double({ min: 0, max: 0.2, noNaN: true }),
      iops: fc.option(fc.double({ min: 0.001, max: 0.2, noNaN: true }), { nil: undefined }),
      transferGB: fc.option(fc.double({ min: 0.001, max: 0.1, noNaN: true }), { nil: undefined }),
    }),
    { minLength: 4, maxLength: 4 },
  ),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function design(sc: Scenario): Design {
  const d = syntheticDatacenter({
    hosts: sc.hosts,
    instances: sc.hosts * sc.perHost,
    seed: sc.seed,
    tenants: sc.tenants,
  })
  addGenerateExtras(d, { eastWestPeers: sc.eastWest, storageIops: 100, nodePools: 1 })
  d.tenants = d.tenants.map((t, i) => {
    const p = sc.prices[i % sc.prices.length] as Scenario['prices'][number]
    return {
      ...t,
      pricing: {
        basis: p.basis,
        currency: p.currency,
        vcpuHour: p.vcpuHour,
        memoryGiBHour: 0.01,
        storageGiBMonth: 0.1,
        ...(p.iops === undefined ? {} : { provisionedIopsMonth: p.iops }),
        ...(p.transferGB === undefined ? {} : { transferGB: p.transferGB }),
      },
    }
  })
  d.simulation = { ...d.simulation, horizonS: sc.horizonS, stepS: 300, seed: sc.seed }
  const [a] = d.hosts
  if (sc.failures && a)
    d.simulation.failures = {
      ...d.simulation.failures,
      mode: 'schedule',
      schedule: [{ hostId: a.id, atS: 1_000, repairS: 700 }],
    }
  return d
}

describe('the cost series ends at the bill', () => {
  it('for every tenant and currency, every bill line included', () => {
    const charged = { iops: 0, network: 0 }
    fc.assert(
      fc.property(scenario, (sc) => {
        const r = simulate(design(sc), { policy: sc.policy, hostSeries: false })
        for (const usage of r.tenants) {
          const cost = r.series.tenants.find((t) => t.tenantId === usage.tenantId)?.cumulativeCost
          const last = cost?.at(-1) ?? 0
          // 6 decimals per line, at most 5 lines; plus float sums over the run.
          const tolerance = 5e-6 + 1e-9 * Math.abs(usage.bill.total)
          expect(Math.abs(last - usage.bill.total)).toBeLessThanOrEqual(tolerance)
          for (const l of usage.bill.lines) {
            if (l.item === 'provisioned-iops-months' && l.amount > 0) charged.iops++
            if (l.item === 'network-gb' && l.amount > 0) charged.network++
          }
        }
      }),
      { numRuns: 25, seed: 6 },
    )
    // Not vacuous: IOPS and network lines carried money in some runs.
    expect(charged.iops).toBeGreaterThan(0)
    expect(charged.network).toBeGreaterThan(0)
  })
})
