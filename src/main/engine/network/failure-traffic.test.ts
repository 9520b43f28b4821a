/**
 * An instance's traffic while it is down between processing instants (review s10u A2: a host
 * failure at 21,600 s and a restart at 21,630 s cost the instance 300 s of traffic, a whole
 * step): a failure and a restart are network instants, so what a tenant sends is Σ over its
 * instances of rate × up-seconds ÷ 8 GB, while no link is saturated, and never more.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DesignInput } from '../../../shared/design/schema'
import { readStrataFile } from '../persistence'
import { simulate } from '../simulation'
import { treeDesign } from './tree-design.test-util'

const H = 3600

/** `count` egress-only instances of `egressGbps` each (constant profile), one per host. */
function design(count: number, egressGbps: number, uplinkGbps: number, failures: Failure[]) {
  const workloads: NonNullable<DesignInput['workloads']> = [
    {
      id: 'a',
      tenantId: 't1',
      name: 'a',
      kind: 'vm',
      count,
      vcpus: 1,
      mipsPerVcpu: 1000,
      memoryMiB: 200_000,
      diskGiB: 10,
      guestOs: 'linux',
      traffic: { eastWest: [], egressGbps, ingressGbps: 0 },
    },
  ]
  return treeDesign({
    racks: 1,
    hostsPerRack: 4,
    aggregations: 1,
    uplinkGbps,
    extra: {
      tenants: [{ id: 't1', name: 'one', colour: '#1f77b4' }],
      workloads,
      simulation: {
        horizonS: H,
        stepS: 300,
        policy: 'dvfs',
        failures: { mode: 'schedule', schedule: failures },
      },
    },
  })
}

interface Failure {
  hostId: string
  atS: number
  repairS: number
}

/** Σ rate × up-seconds ÷ 8 over the run's instances, GB (up = horizon − downtime). */
function upGb(r: ReturnType<typeof simulate>, rateGbps: number): number {
  return r.instances.reduce((gb, i) => gb + (rateGbps * (H - i.downtimeS)) / 8, 0)
}

describe('traffic of an instance down between instants', () => {
  it('a host failure off the step grid costs its instance its downtime, not the step', () => {
    const probe = simulate(design(1, 1, 100, []), { hostSeries: false })
    const host = probe.instances[0]?.finalHostId as string
    const r = simulate(design(1, 1, 100, [{ hostId: host, atS: 1000, repairS: 600 }]), {
      hostSeries: false,
    })
    const down = r.instances[0]?.downtimeS as number
    expect(down).toBeGreaterThan(0)
    expect(down).toBeLessThan(300)
    // 1 Gbps × (3600 − down) s ÷ 8
    expect(r.network?.tenants[0]?.gbSent).toBeCloseTo((1 * (H - down)) / 8, 6)
    // a down instance offers nothing: its loss is downtime, not traffic not carried
    expect(r.network?.tenants[0]?.demandNotServedGB).toBeCloseTo(0, 9)
  })

  it('property: sent ≤ Σ rate × up-seconds ÷ 8, equal when the uplink never saturates', () => {
    const failure = fc.record({
      host: fc.integer({ min: 0, max: 3 }),
      atS: fc.integer({ min: 1, max: H - 1 }),
      repairS: fc.integer({ min: 1, max: 1800 }),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.5, max: 6, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
        fc.array(failure, { maxLength: 3 }),
        (count, rate, uplink, raw) => {
          const failures = raw.map((f) => ({
            hostId: `h0-${f.host}`,
            atS: f.atS,
            repairS: f.repairS,
          }))
          const r = simulate(design(count, rate, uplink, failures), { hostSeries: false })
          const sent = r.network?.tenants[0]?.gbSent as number
          const bound = upGb(r, rate)
          expect(sent).toBeLessThanOrEqual(bound + 1e-6)
          // never saturated: every instance up at once still fits the uplink
          if (count * rate <= uplink) expect(sent).toBeCloseTo(bound, 4)
        },
      ),
      { numRuns: 25, seed: 10 },
    )
  })
})

describe('the sample: Acme Retail (review s10u A2)', () => {
  it('sends 2 × 0.8 Gbps × 55 % × 86,400 s ÷ 8 less 30 s of one instance: 9,502.35 GB, $190.05', () => {
    const opened = readStrataFile(readFileSync('resources/samples/two-hall.strata.json', 'utf8'))
    if (!opened.ok) throw new Error('the sample does not open')
    const r = simulate(opened.design, { hostSeries: false })
    const gb = (2 * 0.8 * 0.55 * 86_400) / 8 - (0.8 * 0.55 * 30) / 8
    const acme = r.network?.tenants.find((t) => t.tenantId === 't-acme')
    expect(acme?.gbSent).toBeCloseTo(gb, 6)
    const line = r.tenants
      .find((t) => t.tenantId === 't-acme')
      ?.bill.lines.find((l) => l.item === 'network-gb')
    expect(line?.amount).toBeCloseTo(gb * 0.02, 6)
    expect(line?.amount.toFixed(2)).toBe('190.05')
  })
})
