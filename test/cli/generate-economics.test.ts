/**
 * `strata generate` gives switches, SANs and tenants the built-in sample's power and prices
 * (review s6u #7: generated designs drew no switch or storage power and billed 0), and
 * `strata simulate` prints zero-priced bill lines consistently: none, with the unpriced items
 * named. Oracles: the sample file's own watts and rates (read here, not Strata's constants),
 * and the switch power law P = idleW + loadW × u with u, per switch, the mean over its links of
 * (forward + backward) / (2 × capacity), which lies between half of and all of the mean of the
 * links' reported utilization max(forward, backward) / capacity.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateDesign, type GenerateOptions } from '../../src/main/cli/commands/generate'
import { simulate } from '../../src/main/engine'
import type { Design } from '../../src/shared/design/schema'
import { strataIn } from '../support/strata-cli'

const dir = mkdtempSync(join(tmpdir(), 'strata-generate-economics-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const SAMPLE = JSON.parse(
  readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8'),
) as Design
const sampleSwitch = (tier: string) => SAMPLE.switches.find((s) => s.tier === tier)?.power
const sampleSan = SAMPLE.storage.find((s) => s.kind === 'san')
const acme = SAMPLE.tenants.find((t) => t.id === 't-acme')?.pricing

const SIZE: GenerateOptions = {
  hosts: 80,
  racks: 2,
  tenants: 4,
  instances: 320,
  seed: 5,
  horizonH: 2,
}

/** `strata generate` of 40 hosts, 3 tenants and 120 instances over 1 h, to `out`, with `extra`. */
const generateSmall = (out: string, ...extra: string[]) =>
  strataIn(
    dir,
    'generate',
    ...['--hosts', '40', '--tenants', '3', '--instances', '120', '--horizon-h', '1'],
    ...extra,
    ...['-o', out],
  )

describe('a generated design', () => {
  it("draws the sample's switch power: energy = idle + load × utilization, per switch", () => {
    const design = generateDesign(SIZE)
    for (const s of design.switches) expect(s.power, s.id).toEqual(sampleSwitch(s.tier))
    const result = simulate(design)
    const hours = result.summary.horizonS / 3600
    const utilization = new Map(result.network?.links.map((l) => [l.id, l.meanUtilization]))
    let idleWh = 0
    let lowWh = 0
    let highWh = 0
    for (const s of design.switches) {
      const links = design.links.filter((l) => l.sourceId === s.id || l.targetId === s.id)
      const mean = links.reduce((n, l) => n + (utilization.get(l.id) ?? 0), 0) / links.length
      const power = sampleSwitch(s.tier) as { idleW: number; loadW: number }
      idleWh += power.idleW * hours
      lowWh += (power.idleW + (power.loadW * mean) / 2) * hours
      highWh += (power.idleW + power.loadW * mean) * hours
    }
    // 2 racks: 1 core (400 W), 2 aggregation (250 W), 2 ToR (150 W) idle = 1,200 W
    expect(idleWh).toBeCloseTo(1200 * hours, 9)
    const switchesKWh = result.summary.energyBreakdownKWh?.switches ?? 0
    expect(switchesKWh).toBeGreaterThanOrEqual(lowWh / 1000 - 1e-6)
    expect(switchesKWh).toBeLessThanOrEqual(highWh / 1000 + 1e-6)
    expect(switchesKWh).toBeGreaterThan(idleWh / 1000) // the traffic adds its load part
    // two SANs between their idle and full-load power
    const sans = design.storage.filter((s) => s.kind === 'san').length
    expect(sans).toBe(2)
    const storageKWh = result.summary.energyBreakdownKWh?.storage ?? 0
    expect(storageKWh).toBeGreaterThanOrEqual((sans * (sampleSan?.idlePowerW ?? 0) * hours) / 1000)
    expect(storageKWh).toBeLessThanOrEqual((sans * (sampleSan?.loadPowerW ?? 0) * hours) / 1000)
    // the lines sum to the total
    const b = result.summary.energyBreakdownKWh
    expect((b?.hosts ?? 0) + storageKWh + switchesKWh).toBeCloseTo(result.summary.energyKWh, 6)
  })

  it("bills at the sample's Acme prices, IOPS and network included", () => {
    const design = generateDesign(SIZE)
    for (const t of design.tenants) expect(t.pricing).toEqual(acme)
    const result = simulate(design)
    for (const t of result.tenants) {
      const rate = {
        'vcpu-hours': acme?.vcpuHour,
        'memory-gib-hours': acme?.memoryGiBHour,
        'storage-gib-months': acme?.storageGiBMonth,
        'provisioned-iops-months': acme?.provisionedIopsMonth,
        'network-gb': acme?.transferGB,
      }
      expect(t.bill.lines.map((l) => l.item).sort()).toEqual(Object.keys(rate).sort())
      for (const l of t.bill.lines) {
        expect(l.rate).toBe(rate[l.item])
        expect(l.amount).toBeCloseTo(l.quantity * (rate[l.item] as number), 6)
      }
      expect(t.bill.total).toBeGreaterThan(0)
    }
  })

  it('--no-power and --no-prices leave them out, and simulate names the unpriced items', async () => {
    const r = await generateSmall('bare.strata.json', '--no-power', '--no-prices')
    expect(r.code, r.err).toBe(0)
    const bare = JSON.parse(readFileSync(join(dir, 'bare.strata.json'), 'utf8')) as Design
    expect(bare.switches.some((s) => s.power)).toBe(false)
    expect(bare.storage.some((s) => s.idlePowerW !== undefined)).toBe(false)
    const sim = await strataIn(dir, 'simulate', 'bare.strata.json')
    expect(sim.code, sim.err).toBe(0)
    // none of the lines at × 0; every tenant says once what is not priced
    expect(sim.out).not.toMatch(/× 0 =/)
    const named = sim.out.match(/not priced \(no rate, or 0\): (.*)/g) ?? []
    expect(named).toEqual(
      bare.tenants.map(
        () => 'not priced (no rate, or 0): vCPU, Memory, Storage, Provisioned IOPS, Network',
      ),
    )
    // and a priced design prints every one of its five lines
    expect((await generateSmall('priced.strata.json')).code).toBe(0)
    const priced = await strataIn(dir, 'simulate', 'priced.strata.json')
    expect(priced.out).not.toContain('not priced')
    expect(priced.out.match(/\(billed on (allocated|used)\)/g)?.length).toBe(3 * 5)
  })
})
